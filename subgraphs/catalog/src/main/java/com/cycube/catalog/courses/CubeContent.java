package com.cycube.catalog.courses;

/**
 * A cube as stored inside a course version. Its id is stable across versions so that progress, answers
 * and labs recorded against a cube keep pointing at it when the course is republished.
 *
 * @param content        Markdown, for READING cubes
 * @param labTemplateId  the labs subgraph's template, for LAB cubes
 */
public record CubeContent(String id, CubeKind kind, String title, String content, String labTemplateId,
                          int estimatedMinutes) {
}
