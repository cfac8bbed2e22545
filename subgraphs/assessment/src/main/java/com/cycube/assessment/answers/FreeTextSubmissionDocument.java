package com.cycube.assessment.answers;

import com.cycube.support.tenancy.TenantOwned;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A FREE_TEXT answer, graded later by a manager. Its id is {@code user:question:attempt}, so the database itself
 * refuses two submissions claiming the same attempt. Grading is a compare-and-set on {@code status} whose write also
 * records {@code assessment.AnswerSubmitted}; never replaced wholesale. {@code organizationId} is the trainee's.
 *
 * @param hintPenalty the hint penalties when it was submitted, subtracted from a correct grade's points
 * @param hintsTaken  how many of the question's hints the trainee had revealed when submitting it (null for
 *                    submissions from before it was recorded)
 */
@Document(FreeTextSubmissionDocument.COLLECTION)
public record FreeTextSubmissionDocument(@Id String id, String organizationId, String userId, String cubeId,
                                         String questionId, int attempt, String status, Boolean correct, int points,
                                         int hintPenalty, Integer hintsTaken, String text, String feedback,
                                         Instant submittedAt, Instant gradedAt, String gradedBy) implements TenantOwned {

    public static final String COLLECTION = "submissions";
    public static final String PENDING_REVIEW = "PENDING_REVIEW";
    public static final String GRADED = "GRADED";

    public static String idOf(String userId, String questionId, int attempt) {
        return userId + ":" + questionId + ":" + attempt;
    }

    /** Graded as a correct answer. */
    public boolean gradedCorrect() {
        return Boolean.TRUE.equals(correct);
    }

    public boolean pendingReview() {
        return PENDING_REVIEW.equals(status);
    }

    @Override
    public String toString() {
        return "FreeTextSubmission[" + id + ", " + status + "]";
    }
}
