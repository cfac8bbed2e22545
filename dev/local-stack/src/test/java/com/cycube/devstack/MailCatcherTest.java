package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The local mailbox: what is sent to its SMTP port is kept, listed on its page and readable as text and HTML. */
class MailCatcherTest {

    @Test
    void an_email_sent_over_smtp_is_listed_newest_first_and_readable_as_text_and_sandboxed_html() throws Exception {
        try (MailCatcher catcher = MailCatcher.start(Ports.freePort(), Ports.freePort())) {
            send(catcher.smtpPort(), "First", "trainee@acme.test");
            send(catcher.smtpPort(), "Second <b>", "manager@acme.test");

            assertThat(catcher.messages()).extracting(MailCatcher.Mail::subject).containsExactly("First", "Second <b>");
            assertThat(catcher.messages().get(0).to()).containsExactly("trainee@acme.test");
            assertThat(catcher.messages().get(0).text()).contains("Hello in text");
            assertThat(catcher.messages().get(0).listUnsubscribe()).isEqualTo("<http://localhost/unsubscribe/x>");

            HttpResponse<String> index = get(catcher.pageUrl());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).contains("Second &lt;b&gt;").doesNotContain("Second <b>");
            assertThat(index.body().indexOf("Second")).isLessThan(index.body().indexOf("First"));
            assertThat(get(catcher.pageUrl() + "messages/1").body()).contains("Hello in text");
            HttpResponse<String> html = get(catcher.pageUrl() + "messages/1.html");
            assertThat(html.body()).contains("<p>Hello in HTML</p>");
            assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).startsWith("sandbox"));
            assertThat(get(catcher.pageUrl() + "api/messages").body()).contains("\"subject\":\"First\"");
            assertThat(get(catcher.pageUrl() + "messages/9").statusCode()).isEqualTo(404);
        }
    }

    private static void send(int port, String subject, String to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("no-reply@cycube.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setHeader("List-Unsubscribe", "<http://localhost/unsubscribe/x>");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello in text", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Hello in HTML</p>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));
        Transport.send(message);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
