package com.cycube.audit.alerts;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * A raised security alert (the schema's SecurityAlert). Its id is deterministic — kind, subject and the record or
 * time window that raised it — so it is written once however often its records are delivered; the
 * {@code audit.SecurityAlertRaised} event is inserted with it, in the same write.
 *
 * @param organizationId the organization concerned (its managers are told), null for the platform (root is told)
 * @param subject        a user id, an integration client's subject, or a client address
 * @param count          how many records made the pattern within the window (1 for a single record)
 * @param windowStart    the start of the window the records were counted in (the record's time for a single one)
 */
public record SecurityAlertDocument(@Id String id, AlertKind kind, String organizationId, String subject, int count,
                                    Instant windowStart, Instant raisedAt, String summary, String recordId) {

    public static final String COLLECTION = "security_alerts";
}
