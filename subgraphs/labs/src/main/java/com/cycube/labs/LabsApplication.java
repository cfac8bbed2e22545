package com.cycube.labs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The labs subgraph: lab templates, lab instances and their VMs, remote access, quotas and live updates. */
@SpringBootApplication
@EnableConfigurationProperties(LabsProperties.class)
public class LabsApplication {

    public static void main(String[] args) {
        SpringApplication.run(LabsApplication.class, args);
    }
}
