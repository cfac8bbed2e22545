package com.cycube.assessment;

import com.cycube.assessment.answers.FreeTextSubmissionDocument;
import com.cycube.assessment.answers.QuizResultDocument;
import com.cycube.assessment.answers.RateLimitStore;
import com.cycube.assessment.certificates.CertificateDocument;
import com.cycube.assessment.questions.QuestionDocument;
import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates assessment's MongoDB indexes at startup (idempotent), before demo data. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AssessmentIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    public AssessmentIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(QuestionDocument.class).createIndex(new Index().on("cubeId", Sort.Direction.ASC)
                .on("archived", Sort.Direction.ASC).on("position", Sort.Direction.ASC).named("cube_questions"));
        mongo.indexOps(QuizResultDocument.class).createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("userId", Sort.Direction.ASC).named("organization_user"));
        mongo.indexOps(FreeTextSubmissionDocument.class).createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).on("submittedAt", Sort.Direction.ASC).named("grading_queue"));
        mongo.indexOps(FreeTextSubmissionDocument.class).createIndex(new Index().on("userId", Sort.Direction.ASC)
                .on("questionId", Sort.Direction.ASC).named("user_question"));
        mongo.indexOps(CertificateDocument.class).createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("userId", Sort.Direction.ASC).on("issuedAt", Sort.Direction.DESC).named("organization_user_issued"));
        // certificates issued before they recorded their course's owner are found by course (CourseFactsHandler)
        mongo.indexOps(CertificateDocument.class).createIndex(new Index().on("courseId", Sort.Direction.ASC)
                .named("course"));
        // counters of past windows disappear by themselves
        mongo.indexOps(RateLimitStore.COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expiry"));
    }
}
