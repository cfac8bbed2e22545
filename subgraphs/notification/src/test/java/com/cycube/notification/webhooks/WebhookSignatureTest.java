package com.cycube.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signatures exactly as the Standard Webhooks specification defines them, as integrators' libraries verify them. */
class WebhookSignatureTest {

    @Test
    void the_specifications_example_is_signed_as_it_says() {
        // the example of the Standard Webhooks specification (and of Svix's documentation)
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}")).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void the_standard_webhooks_library_verifies_a_signature_with_either_secret_during_a_rotation() {
        WebhookSecrets secrets = new WebhookSecrets(new WebhookProperties(WebhookSecrets.DEV_KEY, false, false,
                List.of(), 0, null, null, 0, null, 0, null), true);
        String current = secrets.newSecret();
        String previous = secrets.newSecret();
        String body = "{\"type\":\"course.completed\",\"version\":1}";
        long now = Instant.now().getEpochSecond();
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("msg_1"), "webhook-timestamp",
                List.of(Long.toString(now)), "webhook-signature",
                List.of(WebhookSignature.header(List.of(current, previous), "msg_1", now, body)));

        assertThatCode(() -> new Webhook(current).verify(body, headers)).doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(previous).verify(body, headers)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook(secrets.newSecret()).verify(body, headers))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(current).verify(body + " ", headers))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void secrets_are_sealed_per_endpoint_and_a_key_is_required_outside_local_development() {
        WebhookSecrets secrets = new WebhookSecrets(new WebhookProperties("dGVzdC1vbmx5LXdlYmhvb2stc2VjcmV0LWtleS0zMmI=",
                false, false, List.of(), 0, null, null, 0, null, 0, null), false);
        String secret = secrets.newSecret();
        String sealed = secrets.encrypt("wh_1", secret);

        assertThat(sealed).doesNotContain(secret.substring("whsec_".length()));
        assertThat(secrets.decrypt("wh_1", sealed)).isEqualTo(secret);
        assertThatThrownBy(() -> secrets.decrypt("wh_2", sealed)).as("bound to its endpoint")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> WebhookSecrets.checkedKey("", false)).hasMessageContaining(WebhookSecrets.KEY_VARIABLE)
                .hasMessageContaining("it is not set");
        assertThatThrownBy(() -> WebhookSecrets.checkedKey(WebhookSecrets.DEV_KEY, false))
                .hasMessageContaining("it is the public development key");
        assertThatThrownBy(() -> WebhookSecrets.checkedKey("c2hvcnQ=", false)).hasMessageContaining("32 random bytes");
        assertThat(WebhookSecrets.checkedKey(null, true)).hasSize(32);
    }
}
