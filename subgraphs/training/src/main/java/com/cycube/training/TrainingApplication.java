package com.cycube.training;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The training subgraph: enrollments (self or assigned), assignments with due dates and seat limits, cube attempts
 * and progress computed from other subgraphs' domain events, and live progress updates.
 */
@SpringBootApplication
public class TrainingApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrainingApplication.class, args);
    }
}
