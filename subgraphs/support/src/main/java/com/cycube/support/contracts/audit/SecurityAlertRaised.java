package com.cycube.support.contracts.audit;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.time.Instant;
import java.util.Objects;

/**
 * The audit subgraph saw a pattern in the audit trail that a person should look at (docs/compliance.md lists the
 * kinds and thresholds): once per alert ({@code alertId} is deterministic, so a redelivered record raises nothing new).
 * The event's {@code orgId} is the organization concerned — its managers are told — or null for the platform (root
 * is told).
 *
 * @param kind      {@code FAILED_SIGN_INS_FOR_ACCOUNT}, {@code FAILED_SIGN_INS_FROM_ADDRESS}, {@code ROLE_GRANTED_MANAGER},
 *                  {@code REVOKED_ACCESS_USED} or {@code REPEATED_DENIALS}
 * @param subject   whom or what it is about: a user id, an integration client's subject, or a client address
 * @param count     how many records made the pattern within the window (1 for a single record)
 * @param windowStart the start of that window (the record's time for a single record)
 * @param summary   one line for the notification, in English, with ids only (no personal data)
 * @param recordId  the audit record that completed the pattern
 */
@EventType("audit.SecurityAlertRaised")
public record SecurityAlertRaised(String alertId, String kind, String organizationId, String subject, int count,
                                  Instant windowStart, Instant raisedAt, String summary, String recordId)
        implements EventPayload {

    public SecurityAlertRaised {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordId, "recordId");
    }
}
