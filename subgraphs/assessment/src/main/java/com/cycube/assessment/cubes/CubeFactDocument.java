package com.cycube.assessment.cubes;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What assessment knows about a catalog cube, learnt from {@code catalog.CoursePublished} (a read model: the
 * catalog owns cubes). {@code organizationId} is the owner of the cube's course (null: a GLOBAL course), which
 * decides who sees and who authors its questions. {@code passMark} is assessment's own setting (setCubePassMark);
 * the event handler never touches it. Changed with update operators only (it remembers applied events).
 *
 * @param kind the catalog's cube kind name (READING, QUIZ, LAB)
 */
@Document(CubeFactDocument.COLLECTION)
public record CubeFactDocument(@Id String id, String organizationId, String courseId, String courseTitle,
                               Integer courseVersion, String kind, Integer passMark, Instant publishedAt)
        implements TenantOwned {

    public static final String COLLECTION = "cubes";

    /** QUIZ and LAB cubes hold questions and can be passed. */
    public boolean isAssessable() {
        return "QUIZ".equals(kind) || "LAB".equals(kind);
    }

    public int passMarkOr(int defaultPassMark) {
        return passMark == null ? defaultPassMark : passMark;
    }
}
