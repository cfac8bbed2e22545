package com.cycube.audit.signins;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where reading one of Keycloak's event streams stands: the time of the newest event stored from it and every event
 * stored that happened within {@code overlap} before that time (their ids and times). The next read starts
 * {@code overlap} before {@code time}, and the events it finds in {@code recent} are not stored again — so an event is
 * neither skipped (however many share a millisecond, or arrive late within the overlap) nor read twice.
 *
 * @param time       epoch milliseconds of the newest event stored from the stream (0: none yet, read from the start)
 * @param recent     the events stored with a time in [{@code time} − overlap, {@code time}]
 * @param caughtUpAt when a read last reached the end of the stream (null: never)
 */
public record SignInCursor(long time, List<Seen> recent, Instant caughtUpAt) {

    /** An event stored from the stream. */
    public record Seen(String id, long time) {
    }

    public static final SignInCursor START = new SignInCursor(0, List.of(), null);

    public SignInCursor {
        recent = recent == null ? List.of() : List.copyOf(recent);
    }

    /** Where the next read starts: {@code overlap} before the newest event, never before the epoch. */
    public long readFrom(long overlapMillis) {
        return Math.max(0, time - overlapMillis);
    }

    public Set<String> recentIds() {
        Set<String> ids = new HashSet<>();
        recent.forEach(seen -> ids.add(seen.id()));
        return ids;
    }

    /** The cursor after {@code stored} more events were stored, keeping only those within the overlap. */
    public SignInCursor after(List<Seen> stored, long overlapMillis) {
        long newest = time;
        for (Seen seen : stored) {
            newest = Math.max(newest, seen.time());
        }
        long keepFrom = newest - overlapMillis;
        List<Seen> kept = new ArrayList<>();
        for (Seen seen : recent) {
            if (seen.time() >= keepFrom) {
                kept.add(seen);
            }
        }
        for (Seen seen : stored) {
            if (seen.time() >= keepFrom) {
                kept.add(seen);
            }
        }
        return new SignInCursor(newest, kept, caughtUpAt);
    }

    public SignInCursor caughtUp(Instant at) {
        return new SignInCursor(time, recent, at);
    }
}
