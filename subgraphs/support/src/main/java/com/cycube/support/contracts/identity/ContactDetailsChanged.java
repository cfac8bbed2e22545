package com.cycube.support.contracts.identity;

import com.cycube.support.events.EventPayload;
import com.cycube.support.events.EventType;
import java.util.Objects;

/**
 * Where and in which language to write to a user: the one event that carries an e-mail address (ADR 21). Published
 * by identity with the user's write whenever the address or the locale changes (and at insert); consumed only by the
 * notification subgraph, which keeps the highest {@code version} (the user's snapshot version, the same counter as
 * {@link UserChanged}'s). {@code email} is null once the address is erased (a revoked invitation); {@code locale} is a
 * BCP 47 tag or null when the user has not chosen one. No other consumer may subscribe to it: the type is personal
 * data, kept out of every other read model by design.
 */
@EventType("identity.ContactDetailsChanged")
public record ContactDetailsChanged(String userId, String email, String locale, long version) implements EventPayload {

    public ContactDetailsChanged {
        Objects.requireNonNull(userId, "userId");
    }
}
