package com.cycube.identity.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.identity.IdentityIntegrationTest;
import com.cycube.identity.demo.DemoDataset;
import com.cycube.testclient.GraphQlClient.Response;
import com.cycube.testclient.Persona;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code updateProfile}: a person changes their own display name and locale. */
class ProfileTest extends IdentityIntegrationTest {

    private static final String UPDATE = """
            mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id displayName locale } } }""";

    @Test
    void trainee_changes_display_name_and_locale_which_is_stored_in_canonical_form() {
        Response response = as(Persona.ACME_TRAINEE, UPDATE, Map.of("input", Map.of("displayName", "  Adam T.  ", "locale", "de-ch")))
                .assertNoErrors();

        assertThat((String) response.get("data.updateProfile.user.displayName")).isEqualTo("Adam T.");
        assertThat((String) response.get("data.updateProfile.user.locale")).isEqualTo("de-CH");
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).locale()).isEqualTo("de-CH");
    }

    @Test
    void a_malformed_locale_is_bad_user_input_and_changes_nothing() {
        Response response = as(Persona.ACME_TRAINEE, UPDATE, Map.of("input", Map.of("displayName", "New Name", "locale", "english please")));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        UserDocument stored = storedUser(DemoDataset.ACME_TRAINEE_ID);
        assertThat(stored.displayName()).isEqualTo("Adam Trainee");
        assertThat(stored.locale()).isEqualTo("en");
    }

    @Test
    void a_blank_display_name_is_bad_user_input() {
        Response response = as(Persona.ACME_TRAINEE, UPDATE, Map.of("input", Map.of("displayName", "   ")));

        assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(storedUser(DemoDataset.ACME_TRAINEE_ID).displayName()).isEqualTo("Adam Trainee");
    }

    @Test
    void integration_clients_have_no_profile() {
        assertThat(as(Persona.ACME_HR_INTEGRATION, UPDATE, Map.of("input", Map.of("displayName", "Bot"))).errorCodes())
                .containsExactly("FORBIDDEN");
    }

    @Test
    void anonymous_cannot_update_a_profile() {
        assertThat(anonymous(UPDATE, Map.of("input", Map.of("displayName", "Ghost"))).errorCodes()).containsExactly("UNAUTHENTICATED");
    }
}
