package com.cycube.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.notification.NotificationIntegrationTest;
import com.cycube.testclient.Persona;
import com.cycube.testing.PublishedSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the router composes of webhooks.graphqls: the queries and mutations, every element described. */
class WebhookSchemaTest extends NotificationIntegrationTest {

    @Test
    void notification_publishes_the_webhook_queries_and_mutations() {
        String sdl = as(Persona.ACME_MANAGER, "{ _service { sdl } }").assertNoErrors().get("data._service.sdl");
        assertThat(sdl).contains("webhooks(", "webhook(", "webhookEventTypes", "createWebhook(", "updateWebhook(",
                "rotateWebhookSecret(", "deleteWebhook(", "redeliverWebhook(", "WEBHOOK_DISABLED");
    }

    @Test
    void every_type_field_argument_and_enum_value_of_the_webhooks_schema_is_described() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schema/webhooks.graphqls")) {
            assertThat(PublishedSchema.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)).undescribed()).isEmpty();
        }
    }
}
