package com.cycube.audit.alerts;

import com.cycube.audit.AuditProperties;
import com.cycube.audit.access.AuditReaders;
import com.cycube.audit.trail.AuditEventDocument;
import com.cycube.audit.trail.ChainHash;
import com.cycube.support.audit.AuditLog;
import com.cycube.support.audit.AuditRecord;
import com.cycube.support.context.RequestContext;
import com.cycube.support.contracts.audit.SecurityAlertRaised;
import com.cycube.support.errors.RefusalReason;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Raises security alerts from the records the trail stores (docs/compliance.md, thresholds in
 * {@code cycube.audit.alerts.*}) and lists them to the trail's readers. A pattern counted over a window raises at most
 * one alert per kind, subject and window-long period (the alert's id names them), however many more records arrive
 * in it; a single-record pattern raises one alert per record. Each alert is stored with its
 * {@code audit.SecurityAlertRaised} event, which the notification subgraph turns into a notification and e-mail to
 * the organization's managers (root for the platform).
 */
@Service
public class SecurityAlerts {

    static final String LOGIN_FAILURE = "auth.login.failure";
    /** The refusal reasons that mean access was taken away (support's {@code RefusalReason#revokesAccess}). */
    static final Set<String> REVOKED_ACCESS = Arrays.stream(RefusalReason.values()).filter(RefusalReason::revokesAccess)
            .map(Enum::name).collect(Collectors.toUnmodifiableSet());
    static final String ROLE_CHANGE = "mutation.changeMemberRole";

    private final AlertStore store;
    private final AuditProperties.Alerts thresholds;
    private final AuditLog auditLog;
    private final Clock clock;

    /** How Keycloak sign-in records name an unknown account: the SHA-256 of the name tried (signins.SignInRecords). */
    static final String UNKNOWN_ACCOUNT = "username-sha256:";

    public SecurityAlerts(AlertStore store, AuditProperties properties, AuditLog auditLog, Clock clock) {
        this.store = store;
        this.thresholds = properties.alerts();
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Looks at one stored record; raises what it completes (idempotent: a redelivered record raises nothing new). */
    public void inspect(AuditEventDocument record) {
        if (LOGIN_FAILURE.equals(record.action())) {
            if (record.actor() != null) {
                counted(AlertKind.FAILED_SIGN_INS_FOR_ACCOUNT, record, "actor", record.actor(), LOGIN_FAILURE, null,
                        thresholds.failedSignIns(), thresholds.failedSignInsWindow(), "failed sign-ins for account");
            } else if (record.detail() != null && record.detail().startsWith(UNKNOWN_ACCOUNT)) {
                // an account that does not exist (or a mistyped name): counted by the hash of the name tried
                counted(AlertKind.FAILED_SIGN_INS_FOR_ACCOUNT, record, "detail", record.detail(), LOGIN_FAILURE, null,
                        thresholds.failedSignIns(), thresholds.failedSignInsWindow(), "failed sign-ins for the unknown account");
            }
            if (record.clientIp() != null) {
                counted(AlertKind.FAILED_SIGN_INS_FROM_ADDRESS, record, "clientIp", record.clientIp(), LOGIN_FAILURE,
                        null, thresholds.failedSignIns(), thresholds.failedSignInsWindow(), "failed sign-ins from");
            }
        }
        if (ROLE_CHANGE.equals(record.action()) && "SUCCESS".equals(record.outcome()) && record.changes().stream()
                .anyMatch(change -> "role".equals(change.field()) && "MANAGER".equals(change.value()))) {
            raise(AlertKind.ROLE_GRANTED_MANAGER, record, record.resourceId(), 1, record.time(), record.id(),
                    "User " + record.resourceId() + " was made MANAGER by " + record.actor());
        }
        if (!"DENIED".equals(record.outcome())) {
            return;
        }
        if (revokedAccessUsed(record)) {
            raise(AlertKind.REVOKED_ACCESS_USED, record, record.actor(), 1, record.time(),
                    period(record.time(), thresholds.denialsWindow()),
                    "A token of " + record.actor() + " was used after its access was revoked (" + record.detail() + ")");
        }
        String field = record.actor() != null ? "actor" : "clientIp";
        String subject = record.actor() != null ? record.actor() : record.clientIp();
        if (subject != null) {
            counted(AlertKind.REPEATED_DENIALS, record, field, subject, null, "DENIED", thresholds.denials(),
                    thresholds.denialsWindow(), "denied requests from");
        }
    }

    /**
     * A valid token refused because its access was revoked — the account or its organization deactivated — rather
     * than expired or forged: the refusal's reason code says which (support's {@code RefusalReason}, set by
     * {@code AccessRevocations}); the message the client got is never read.
     */
    static boolean revokedAccessUsed(AuditEventDocument record) {
        return record.actor() != null && record.reason() != null && REVOKED_ACCESS.contains(record.reason());
    }

    public Connection<SecurityAlertDocument> list(RequestContext request, String organizationId, Integer first,
                                                  String after) {
        AuditReaders.Scope scope = AuditReaders.scope(request.caller(), organizationId);
        PageRequest page = PageRequest.of(first, after);
        Connection<SecurityAlertDocument> alerts = scope.nothing() ? Connection.of(List.of(), page, 0)
                : Connection.of(store.page(scope, page), page, store.count(scope));
        auditLog.read(request, "read.securityAlerts", AuditRecord.Target.of("SecurityAlerts",
                scope.all() ? "*" : scope.nothing() ? organizationId : scope.organizationId()));
        return alerts;
    }

    private void counted(AlertKind kind, AuditEventDocument record, String field, String subject, String action,
                         String outcome, int threshold, Duration window, String what) {
        Instant since = record.time().minus(window);
        long count = store.countRecords(field, subject, action, outcome, since, record.time());
        if (count >= threshold) {
            raise(kind, record, subject, (int) count, since, period(record.time(), window),
                    count + " " + what + " " + subject + " within " + window.toMinutes() + " minutes");
        }
    }

    /** The window-long period {@code time} falls in: one alert per kind and subject in it. */
    private static String period(Instant time, Duration window) {
        return "p" + time.toEpochMilli() / Math.max(1, window.toMillis());
    }

    private void raise(AlertKind kind, AuditEventDocument record, String subject, int count, Instant since,
                       String occasion, String summary) {
        String id = ChainHash.sha256(kind + "\n" + record.chain() + "\n" + subject + "\n" + occasion).substring(0, 32);
        Instant now = clock.instant();
        SecurityAlertDocument alert = new SecurityAlertDocument(id, kind, record.organizationId(), subject, count, since,
                now, summary, record.id());
        store.raise(alert, DomainEvent.of(record.organizationId(), now, new SecurityAlertRaised(id, kind.name(),
                record.organizationId(), subject, count, since, now, summary, record.id())));
    }
}
