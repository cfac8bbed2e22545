package com.cycube.notification.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.notification.inbox.NotificationKind;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text exists in every language, every kind has a name, and every text is a valid MessageFormat pattern. */
class TranslationsTest {

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void german_has_every_english_text_and_no_other() throws Exception {
        assertThat(load("notifications_de").stringPropertyNames()).isEqualTo(load("notifications").stringPropertyNames());
    }

    @Test
    void every_kind_of_notification_has_a_name_in_every_language() throws Exception {
        for (String file : new String[] {"notifications", "notifications_de"}) {
            Properties texts = load(file);
            assertThat(Arrays.stream(NotificationKind.values()).map(kind -> "kind." + kind.name()))
                    .as(file).allSatisfy(key -> assertThat(texts).containsKey(key));
        }
    }

    @Test
    void every_text_with_arguments_is_a_valid_message_format_pattern() throws Exception {
        for (String file : new String[] {"notifications", "notifications_de"}) {
            load(file).forEach((key, pattern) -> {
                if (((String) pattern).contains("{") && !"format.when".equals(key)) {
                    assertThat(new MessageFormat((String) pattern, Locale.ENGLISH).format(new Object[] {2, 2, 2}))
                            .as(file + " " + key).isNotBlank();
                }
            });
        }
    }
}
