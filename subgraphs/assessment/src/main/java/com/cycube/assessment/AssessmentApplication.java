package com.cycube.assessment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The assessment subgraph: questions and answer keys, graded answers, quiz results and certificates. */
@SpringBootApplication
@EnableConfigurationProperties(AssessmentProperties.class)
public class AssessmentApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssessmentApplication.class, args);
    }
}
