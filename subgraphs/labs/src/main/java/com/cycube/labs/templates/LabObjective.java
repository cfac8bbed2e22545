package com.cycube.labs.templates;

/**
 * One thing a trainee must achieve in a lab ("open a shell on the target", "find the flag"). The in-VM checker
 * (or a manager) reports it met with {@code recordLabObjective}; when every objective of a lab is met, labs emits
 * {@code labs.LabObjectivesMet} and training completes the LAB cube.
 *
 * @param id          stable within its template (letters, digits, dashes)
 * @param description what the trainee sees; never the answer
 */
public record LabObjective(String id, String description) {
}
