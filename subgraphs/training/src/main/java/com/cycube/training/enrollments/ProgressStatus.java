package com.cycube.training.enrollments;

/** COMPLETED when every cube is done; OVERDUE when the due date passed before that; ON_TRACK otherwise. */
public enum ProgressStatus {
    ON_TRACK, OVERDUE, COMPLETED
}
