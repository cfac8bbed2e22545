package com.cycube.support.it;

import com.cycube.support.auth.Caller;
import com.cycube.support.auth.Role;
import com.cycube.support.context.RequestContext;
import com.cycube.support.contracts.identity.UserChanged;
import com.cycube.support.errors.DomainException;
import com.cycube.support.events.DomainEvent;
import com.cycube.support.events.Outbox;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.cycube.testclient.Persona;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.DgsSubscription;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.bson.Document;
import org.dataloader.DataLoader;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import reactor.core.publisher.Flux;

/** The test application's fields, each exercising one piece of the support library. */
@DgsComponent
public class TestDataFetchers {

    @Autowired
    private MongoTemplate mongo;

    static final String SECRET_IN_EXCEPTION = "mongodb://admin:hunter2@db.internal";
    static final Instant LAUNCH_TIME = Instant.parse("2026-11-24T17:30:00Z");
    /** How many times saveNote ran (QueryCostBudgetTest checks a refused mutation ran none). */
    static final AtomicInteger NOTES_SAVED = new AtomicInteger();

    public record Whoami(String subject, String kind, String role, String organizationId, String requestId,
                         String traceParent, String clientIp) {
    }

    public record Greeting(String name) {
    }

    public record CallerSeen(String subject, int batchSize) {
    }

    public record SaveNotePayload(String title, Note note) {
    }

    public record Note(String id, String title) {
    }

    public record Tick(int n, String subject) {
    }

    @DgsQuery
    public Whoami whoami(DataFetchingEnvironment env) {
        RequestContext context = RequestContext.from(env);
        Caller caller = context.caller();
        return new Whoami(caller.subject(), caller.kind().name(), caller.role().map(Role::name).orElse(null),
                caller.organizationId().orElse(null), context.requestId(), context.traceParent(), context.clientIp());
    }

    @DgsQuery
    public String explode() {
        throw new IllegalStateException("Connection to " + SECRET_IN_EXCEPTION + " refused");
    }

    @DgsQuery
    public String adminReport() {
        throw DomainException.forbidden("Only root may read the admin report");
    }

    @DgsQuery
    public List<Greeting> greetings(@InputArgument List<String> names) {
        return names.stream().map(Greeting::new).toList();
    }

    @DgsData(parentType = "Greeting", field = "seenBy")
    public CompletableFuture<CallerSeen> seenBy(DataFetchingEnvironment env) {
        Greeting greeting = env.getSource();
        return RequestContext.load(env, CallerSeenDataLoader.NAME, greeting.name());
    }

    @DgsData(parentType = "Greeting", field = "seenByWithoutKeyContext")
    public CompletableFuture<CallerSeen> seenByWithoutKeyContext(DataFetchingEnvironment env) {
        Greeting greeting = env.getSource();
        DataLoader<String, CallerSeen> loader = env.getDataLoader(CallerSeenDataLoader.WithoutKeyContext.NAME);
        return loader.load(greeting.name());
    }

    @DgsQuery
    public Instant launchTime() {
        return LAUNCH_TIME;
    }

    @DgsQuery
    public Instant echoTime(@InputArgument Instant at) {
        return at;
    }

    /** Slices an in-memory list the way a store or batch loader does: rows {@code offset .. offset + first} (one extra). */
    @DgsQuery
    public Connection<String> names(@InputArgument Integer count, @InputArgument Integer first, @InputArgument String after) {
        PageRequest page = PageRequest.of(first, after);
        List<String> all = IntStream.range(0, count).mapToObj(i -> "name-" + i).toList();
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(page.offset() + page.first() + 1, all.size());
        return Connection.of(all.subList(from, to), page, all.size());
    }

    @DgsMutation
    public SaveNotePayload saveNote(DataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        Map<String, Object> input = env.getArgument("input");
        String title = (String) input.get("title");
        if (title == null || title.isBlank()) {
            throw DomainException.badInput("A note needs a title");
        }
        NOTES_SAVED.incrementAndGet();
        return new SaveNotePayload(title.strip(), new Note("note-" + UUID.randomUUID(), title.strip()));
    }

    @DgsData(parentType = "SaveNotePayload", field = "similar")
    public List<Note> similar(@InputArgument Integer first, DataFetchingEnvironment env) {
        SaveNotePayload payload = env.getSource();
        return IntStream.range(0, first == null ? 20 : first).mapToObj(i -> new Note(payload.note().id() + "-" + i, payload.title())).toList();
    }

    @DgsMutation
    public SaveNotePayload updateNote(DataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        Map<String, Object> input = env.getArgument("input");
        String text = (String) input.get("text");
        if (text.isBlank()) {
            throw DomainException.badInput("A note needs a text");
        }
        return new SaveNotePayload("updated", new Note((String) input.get("noteId"), "updated"));
    }

    @DgsMutation
    public Boolean purgeNotes(DataFetchingEnvironment env) {
        RequestContext.from(env).caller().require(Role.ROOT, null);
        return true;
    }

    @DgsMutation
    public String announceUser(@InputArgument String userId, DataFetchingEnvironment env) {
        RequestContext.from(env).requireAuthenticated();
        Outbox.insert(mongo, new Document("_id", userId), "announcements", DomainEvent.of(Persona.ACME,
                Instant.now(), new UserChanged(userId, "Pat", "TRAINEE", List.of(), true, 1L, "ACTIVE")));
        return userId;
    }

    @DgsSubscription
    public Publisher<Tick> ticks(@InputArgument Integer count, DataFetchingEnvironment env) {
        Caller caller = RequestContext.from(env).requireAuthenticated();
        return Flux.range(1, count).map(n -> new Tick(n, caller.subject()));
    }

    @DgsSubscription
    public Publisher<Tick> pulse(DataFetchingEnvironment env) {
        Caller caller = RequestContext.from(env).requireAuthenticated();
        return Flux.interval(java.time.Duration.ofMillis(100)).map(n -> new Tick(n.intValue() + 1, caller.subject()));
    }
}
