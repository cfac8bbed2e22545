package com.cycube.notification.mail;

import com.cycube.notification.facts.Notifier;
import com.cycube.notification.facts.Wording;
import com.cycube.notification.inbox.NotificationKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * E-mails waiting to be sent, one document per notification ({@code _id} the notification's id, so a fact is queued
 * once however often its event arrives). It stores what to say (the text's key and arguments), not the words: the
 * address and language are the recipient's when it is sent. {@link MailDispatcher} claims due mails with a lease,
 * so several instances never send one twice at the same time; a crash after sending and before recording sends it
 * again under the same Message-ID (mail clients show it once).
 */
@Component
public class MailStore {

    public static final String COLLECTION = "mail_outbox";

    /** What a queued mail can become. */
    public enum Status { PENDING, SENT, FAILED, SKIPPED }

    private final MongoTemplate mongo;
    private final Clock clock;

    public MailStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A mail claimed for sending. */
    public record PendingMail(String id, String organizationId, String userId, NotificationKind kind, String link,
                              String text, List<Object> args, int attempts, Instant createdAt) {
    }

    /** Queues the e-mail of notification {@code id}; queuing it again changes nothing. */
    public void enqueue(String id, Instant at, Notifier.Message message) {
        List<Object> args = new ArrayList<>();
        for (Object arg : message.args()) {
            args.add(encode(arg));
        }
        Document mail = new Document("_id", id).append("organizationId", message.organizationId())
                .append("userId", message.userId()).append("kind", message.kind().name()).append("link", message.link())
                .append("text", message.text()).append("args", args).append("status", Status.PENDING.name())
                .append("attempts", 0).append("createdAt", Date.from(at)).append("nextAttemptAt", Date.from(clock.instant()));
        try {
            mongo.insert(mail, COLLECTION);
        } catch (DuplicateKeyException alreadyQueued) {
            // the same fact again (a redelivered event, a repeated reminder tick): queued once
        }
    }

    /** The organizations that have mail due now (at most {@code limit}), so a pass can serve each in turn. */
    List<String> organizationsWithMailDue(Instant now, int limit) {
        return mongo.findDistinct(due(now), "organizationId", COLLECTION, String.class).stream().limit(limit).toList();
    }

    /** Claims the oldest due mail of {@code organizationId} for {@code leaseUntil}; empty when none is due. */
    Optional<PendingMail> claim(String organizationId, Instant now, Instant leaseUntil) {
        Query query = due(now);
        query.addCriteria(Criteria.where("organizationId").is(organizationId));
        query.with(Sort.by("nextAttemptAt"));
        Document claimed = mongo.findAndModify(query, new Update().set("leaseUntil", Date.from(leaseUntil)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return Optional.ofNullable(claimed).map(MailStore::pending);
    }

    void sent(String id, Instant at) {
        finish(id, Status.SENT, at, null);
    }

    void skipped(String id, Instant at, String reason) {
        finish(id, Status.SKIPPED, at, reason);
    }

    void failed(String id, Instant at, String reason) {
        finish(id, Status.FAILED, at, reason);
    }

    void retryAt(String id, int attempts, Instant next, String reason) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("attempts", attempts)
                .set("nextAttemptAt", Date.from(next)).set("lastError", reason).unset("leaseUntil"), COLLECTION);
    }

    /** How a queued mail stands (tests, operators). */
    public Optional<Document> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION));
    }

    private void finish(String id, Status status, Instant at, String reason) {
        Update update = new Update().set("status", status.name()).set("finishedAt", Date.from(at)).unset("leaseUntil")
                .unset("nextAttemptAt");
        if (reason != null) {
            update.set("lastError", reason);
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, COLLECTION);
    }

    private static Query due(Instant now) {
        Date at = Date.from(now);
        return Query.query(Criteria.where("status").is(Status.PENDING.name()).and("nextAttemptAt").lte(at)
                .orOperator(Criteria.where("leaseUntil").exists(false), Criteria.where("leaseUntil").lte(at)));
    }

    private static PendingMail pending(Document mail) {
        List<Object> args = new ArrayList<>();
        for (Object arg : mail.getList("args", Object.class, List.of())) {
            args.add(decode(arg));
        }
        return new PendingMail(mail.getString("_id"), mail.getString("organizationId"), mail.getString("userId"),
                NotificationKind.valueOf(mail.getString("kind")), mail.getString("link"), mail.getString("text"), args,
                mail.getInteger("attempts", 0), mail.getDate("createdAt").toInstant());
    }

    private static Object encode(Object arg) {
        if (arg instanceof Instant at) {
            return Date.from(at);
        }
        if (arg instanceof Wording.Term term) {
            return new Document("term", term.key());
        }
        return arg;
    }

    private static Object decode(Object stored) {
        if (stored instanceof Date date) {
            return date.toInstant();
        }
        if (stored instanceof Document term && term.containsKey("term")) {
            return new Wording.Term(term.getString("term"));
        }
        return stored;
    }
}
