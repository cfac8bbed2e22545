package com.cycube.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cycube.support.audit.AuditLog;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Captures the audit log while each test runs ({@code @RegisterExtension final AuditCapture audit = new AuditCapture()}):
 * the test application keeps it at WARN, so it is switched to INFO for the test and back after it.
 */
final class AuditCapture implements BeforeEachCallback, AfterEachCallback {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Logger auditLogger = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level previousLevel;

    @Override
    public void beforeEach(ExtensionContext context) {
        previousLevel = auditLogger.getLevel();
        auditLogger.setLevel(Level.INFO);
        lines.start();
        auditLogger.addAppender(lines);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        auditLogger.detachAppender(lines);
        auditLogger.setLevel(previousLevel);
    }

    /** Every audit line written while this test ran, each checked to be one JSON object. */
    List<JsonNode> all() {
        List<ILoggingEvent> events;
        synchronized (lines) { // AppenderBase appends while holding this lock
            events = List.copyOf(lines.list);
        }
        return events.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .peek(line -> assertThat(line).doesNotContain("\n"))
                .map(JSON::readTree)
                .toList();
    }

    /** The audit records of one request. */
    List<JsonNode> ofRequest(String requestId) {
        return all().stream().filter(record -> requestId.equals(record.path("requestId").asString())).toList();
    }
}
