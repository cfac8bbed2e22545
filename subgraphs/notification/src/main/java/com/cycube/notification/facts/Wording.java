package com.cycube.notification.facts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes notifications in the recipient's language: every text is a key in {@code i18n/notifications*.properties}
 * ({@code <text>.title}, {@code <text>.body}; English is the base, German the first translation; any other locale
 * falls back to English) with {@link java.text.MessageFormat} arguments. Times are written in UTC with the locale's
 * pattern ({@code format.when}); a {@link Term} argument is itself a key (e.g. "a course" while a title is unknown).
 */
@Component
public class Wording {

    /** The languages with their own texts; everything else is written in English. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private final MessageSource messages;

    public Wording(MessageSource notificationMessages) {
        this.messages = notificationMessages;
    }

    /** An argument that is a word to translate rather than a value to show. */
    public record Term(String key) {
    }

    /** A notification's title and body in one language. */
    public record Text(String title, String body) {
    }

    /** The language to write to a user whose preferred locale is {@code tag} (BCP 47, may be null or unknown). */
    public static Locale localeOf(String tag) {
        if (tag == null || tag.isBlank()) {
            return Locale.ENGLISH;
        }
        String language = Locale.forLanguageTag(tag).getLanguage();
        return SUPPORTED.stream().filter(supported -> supported.getLanguage().equals(language)).findFirst()
                .orElse(Locale.ENGLISH);
    }

    public Text render(String text, List<?> args, Locale locale) {
        Object[] values = args.stream().map(arg -> value(arg, locale)).toArray();
        return new Text(messages.getMessage(text + ".title", values, locale),
                messages.getMessage(text + ".body", values, locale));
    }

    /** A single message of the notification texts (labels, e-mail parts) in {@code locale}. */
    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private Object value(Object arg, Locale locale) {
        if (arg instanceof Instant at) {
            return DateTimeFormatter.ofPattern(messages.getMessage("format.when", null, locale), locale)
                    .withZone(ZoneOffset.UTC).format(at);
        }
        if (arg instanceof Term term) {
            return messages.getMessage(term.key(), null, locale);
        }
        return arg;
    }
}
