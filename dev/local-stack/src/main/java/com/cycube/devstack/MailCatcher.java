package com.cycube.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's SMTP server: GreenMail on loopback catches every e-mail (the notification subgraph's, Keycloak's
 * invitations and password resets) instead of delivering it, and a small web page lists them — newest first, each
 * with its text and HTML — at {@code http://localhost:<mailbox port>/} ({@code /api/messages} as JSON for scripts
 * and tests). Nothing leaves the laptop.
 */
public final class MailCatcher implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final GreenMail smtp;
    private final HttpServer page;

    private MailCatcher(GreenMail smtp, HttpServer page) {
        this.smtp = smtp;
        this.page = page;
    }

    /** Starts the SMTP server on {@code smtpPort} and the mailbox page on {@code pagePort}, both on loopback. */
    public static MailCatcher start(int smtpPort, int pagePort) {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            HttpServer page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), pagePort), 0);
            MailCatcher catcher = new MailCatcher(smtp, page);
            page.createContext("/", catcher::serve);
            page.start();
            return catcher;
        } catch (IOException e) {
            smtp.stop();
            throw new UncheckedIOException("cannot start the mailbox page on port " + pagePort, e);
        }
    }

    /** One caught e-mail, as the page and {@code /api/messages} show it. */
    public record Mail(int number, String from, List<String> to, String subject, String receivedAt, String text,
                       String html, String listUnsubscribe, String contentLanguage) {
    }

    /** Every caught e-mail, oldest first. */
    public List<Mail> messages() {
        MimeMessage[] received = smtp.getReceivedMessages();
        List<Mail> mails = new ArrayList<>();
        for (int i = 0; i < received.length; i++) {
            mails.add(mail(i + 1, received[i]));
        }
        return mails;
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int pagePort() {
        return page.getAddress().getPort();
    }

    public String pageUrl() {
        return "http://localhost:" + pagePort() + "/";
    }

    @Override
    public void close() {
        page.stop(0);
        smtp.stop();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            List<Mail> mails = messages();
            if (path.equals("/api/messages")) {
                respond(exchange, 200, "application/json", JSON.writeValueAsString(mails));
            } else if (path.equals("/")) {
                respond(exchange, 200, "text/html; charset=utf-8", index(mails));
            } else if (path.matches("/messages/\\d+(\\.html)?")) {
                boolean html = path.endsWith(".html");
                int number = Integer.parseInt(path.replaceAll("\\D", ""));
                Optional<Mail> mail = mails.stream().filter(candidate -> candidate.number() == number).findFirst();
                if (mail.isEmpty()) {
                    respond(exchange, 404, "text/plain; charset=utf-8", "no e-mail " + number);
                } else if (html) {
                    // the e-mail's own HTML, sandboxed: no scripts, no forms, no access to this page
                    exchange.getResponseHeaders().add("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
                    respond(exchange, 200, "text/html; charset=utf-8", mail.get().html() == null ? "" : mail.get().html());
                } else {
                    respond(exchange, 200, "text/plain; charset=utf-8", mail.get().text() == null ? "" : mail.get().text());
                }
            } else {
                respond(exchange, 404, "text/plain; charset=utf-8", "not found");
            }
        }
    }

    private static String index(List<Mail> mails) {
        StringBuilder rows = new StringBuilder();
        for (int i = mails.size() - 1; i >= 0; i--) {
            Mail mail = mails.get(i);
            rows.append("<tr><td>").append(escape(mail.receivedAt())).append("</td><td>")
                    .append(escape(String.join(", ", mail.to()))).append("</td><td>").append(escape(mail.subject()))
                    .append("</td><td><a href=\"/messages/").append(mail.number()).append("\">text</a>")
                    .append(mail.html() == null ? "" : " · <a href=\"/messages/" + mail.number() + ".html\">HTML</a>")
                    .append("</td></tr>\n");
        }
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CyCube local mailbox</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{padding:.4em .8em;border-bottom:1px solid #ddd;text-align:left}</style>
                </head><body><h1>Local mailbox</h1>
                <p>Every e-mail the local stack sends is caught here (nothing is delivered). Newest first; reload to see new ones.</p>
                <table><thead><tr><th>Received</th><th>To</th><th>Subject</th><th></th></tr></thead><tbody>
                """ + (rows.isEmpty() ? "<tr><td colspan=\"4\">No e-mail yet.</td></tr>" : rows) + "</tbody></table></body></html>";
    }

    private static Mail mail(int number, MimeMessage message) {
        try {
            List<String> to = message.getAllRecipients() == null ? List.of()
                    : Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
            String from = message.getFrom() == null ? null
                    : Arrays.stream(message.getFrom()).map(Object::toString).collect(Collectors.joining(", "));
            return new Mail(number, from, to, message.getSubject(),
                    message.getReceivedDate() == null ? null : WHEN.format(message.getReceivedDate().toInstant()),
                    part(message, "text/plain"), part(message, "text/html"),
                    message.getHeader("List-Unsubscribe", null), message.getHeader("Content-Language", null));
        } catch (MessagingException | IOException e) {
            return new Mail(number, null, List.of(), "(unreadable: " + e.getMessage() + ")", null,
                    GreenMailUtil.getWholeMessage(message), null, null, null);
        }
    }

    /** The first part of {@code type} anywhere in the message, decoded. */
    private static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            Object content = part.getContent();
            return content instanceof String text ? text : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
