package com.cycube.identity.users;

import com.cycube.support.errors.DomainException;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Preferred locales are well-formed BCP 47 language tags with an ISO 639 language, stored in canonical form ({@code de-ch} → {@code de-CH}). */
public final class LanguageTags {

    private static final int MAX_LENGTH = 35;
    private static final Set<String> TWO_LETTER_LANGUAGES = Set.of(Locale.getISOLanguages());

    private LanguageTags() {
    }

    /** The canonical tag, or BAD_USER_INPUT when {@code tag} is not a well-formed BCP 47 tag with a language. */
    public static String normalize(String tag) {
        return parse(tag).orElseThrow(() ->
                DomainException.badInput("locale must be a BCP 47 language tag such as en or de-CH"));
    }

    /** The canonical tag, or empty when {@code tag} is missing or malformed (e.g. a token claim we tolerate). */
    public static Optional<String> parse(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
            if (!isKnownLanguage(locale.getLanguage())) {
                return Optional.empty();
            }
            return Optional.of(locale.toLanguageTag());
        } catch (IllformedLocaleException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Well-formedness alone admits 5–8 letter "registered" language subtags such as {@code english};
     * we accept the ISO 639 codes people actually use: a known two-letter code, or a three-letter one.
     */
    private static boolean isKnownLanguage(String language) {
        return TWO_LETTER_LANGUAGES.contains(language) || (language.length() == 3 && !language.equals("und"));
    }
}
