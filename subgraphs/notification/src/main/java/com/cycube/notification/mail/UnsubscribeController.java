package com.cycube.notification.mail;

import com.cycube.notification.facts.Wording;
import com.cycube.notification.people.Contact;
import com.cycube.notification.people.DirectoryStore;
import com.cycube.notification.preferences.PreferenceStore;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * One-click unsubscribe (RFC 8058) from the link in every e-mail's {@code List-Unsubscribe} header and footer. A mail
 * provider POSTs to it ({@code List-Unsubscribe=One-Click}); a person who opens the link gets a page with one button
 * that POSTs — a GET never changes anything (link scanners open links). The signed token is the only proof; the
 * answer is a small page in the recipient's language.
 */
@RestController
public class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final PreferenceStore preferences;
    private final DirectoryStore directory;
    private final MailComposer composer;
    private final SpringTemplateEngine templates;

    public UnsubscribeController(UnsubscribeLinks links, PreferenceStore preferences, DirectoryStore directory,
                                 MailComposer composer, SpringTemplateEngine mailTemplateEngine) {
        this.links = links;
        this.preferences = preferences;
        this.directory = directory;
        this.composer = composer;
        this.templates = mailTemplateEngine;
    }

    @GetMapping(path = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> confirm(@PathVariable String token) {
        return page(token, false);
    }

    @PostMapping(path = "/unsubscribe/{token}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> unsubscribe(@PathVariable String token) {
        return page(token, true);
    }

    private ResponseEntity<String> page(String token, boolean unsubscribe) {
        Optional<UnsubscribeLinks.Target> target = links.verify(token);
        if (target.isEmpty()) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(render(Locale.ENGLISH, "invalid", null, token));
        }
        UnsubscribeLinks.Target valid = target.get();
        if (unsubscribe) {
            preferences.stopEmail(valid.userId(), valid.kind());
        }
        Locale locale = Wording.localeOf(directory.contact(valid.userId()).map(Contact::locale).orElse(null));
        return ResponseEntity.ok(render(locale, unsubscribe ? "done" : "confirm", composer.label(valid.kind(), locale), token));
    }

    private String render(Locale locale, String state, String kindLabel, String token) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("state", state);
        variables.put("kindLabel", kindLabel);
        variables.put("token", token);
        return templates.process("unsubscribe.html", new Context(locale, variables));
    }
}
