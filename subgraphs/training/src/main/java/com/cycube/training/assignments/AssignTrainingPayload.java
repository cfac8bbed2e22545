package com.cycube.training.assignments;

/**
 * What assignTraining answers (the schema's AssignTrainingPayload).
 *
 * @param newEnrollments how many enrollments the assignment created (existing ones are reused)
 */
public record AssignTrainingPayload(AssignmentDocument assignment, int newEnrollments) {
}
