package com.cycube.identity.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.support.errors.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTagsTest {

    @ParameterizedTest
    @CsvSource({"en,en", "de-ch,de-CH", "DE-CH,de-CH", "zh-Hant-TW,zh-Hant-TW", "sr-latn-rs,sr-Latn-RS", "es-419,es-419", "en_US,en-US"})
    void well_formed_tags_are_stored_in_canonical_form(String input, String canonical) {
        assertThat(LanguageTags.normalize(input)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "english", "e", "en-", "x-private", "und", "12-34", "en--US", "a-very-very-very-long-tag-that-is-not-valid"})
    void malformed_tags_are_bad_user_input(String input) {
        assertThatThrownBy(() -> LanguageTags.normalize(input)).isInstanceOf(DomainException.class);
    }
}
