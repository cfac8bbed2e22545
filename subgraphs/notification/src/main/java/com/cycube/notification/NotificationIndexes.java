package com.cycube.notification;

import com.cycube.notification.inbox.NotificationDocument;
import com.cycube.notification.mail.MailStore;
import com.cycube.notification.people.PersonDocument;
import com.cycube.notification.reminders.DueDateDocument;
import com.cycube.notification.webhooks.WebhookDeliveryDocument;
import com.cycube.notification.webhooks.WebhookEndpointDocument;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates notification's MongoDB indexes at startup (idempotent). */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NotificationIndexes implements ApplicationRunner {

    private final MongoTemplate mongo;

    public NotificationIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        mongo.indexOps(NotificationDocument.COLLECTION).createIndex(new Index().on("userId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("user_newest"));
        mongo.indexOps(NotificationDocument.COLLECTION).createIndex(new Index().on("userId", Sort.Direction.ASC)
                .on("readAt", Sort.Direction.ASC).named("user_unread"));
        mongo.indexOps(DueDateDocument.COLLECTION).createIndex(new Index().on("completed", Sort.Direction.ASC)
                .on("dueAt", Sort.Direction.ASC).named("open_due"));
        mongo.indexOps(PersonDocument.COLLECTION).createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("role", Sort.Direction.ASC).named("organization_role"));
        // the mail dispatcher: which organizations have mail due, then each one's oldest due mail
        mongo.indexOps(MailStore.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("organizationId", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC).named("due_by_organization"));
        mongo.indexOps(WebhookEndpointDocument.COLLECTION).createIndex(new Index().on("organizationId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("organization_oldest"));
        mongo.indexOps(WebhookDeliveryDocument.COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("nextAttemptAt", Sort.Direction.ASC).named("due"));
        mongo.indexOps(WebhookDeliveryDocument.COLLECTION).createIndex(new Index().on("endpointId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("endpoint_newest"));
    }
}
