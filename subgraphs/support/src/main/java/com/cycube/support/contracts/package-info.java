/**
 * The published language between subgraphs: one record per domain event, in a package named for the subgraph that
 * produces it. Producers create events with {@code DomainEvent.of(orgId, at, new CoursePublished(...))}; consumers
 * declare {@code EventPayload.typesOf(CoursePublished.class)} and read {@code event.payloadAs(CoursePublished.class)}.
 * docs/events.md lists who produces and who consumes each one.
 *
 * <p><b>Ordering rule</b> (the one every consumer follows): deliveries are roughly in order, never strictly.
 * An event that states an entity's current state carries a per-entity {@code version} that only grows: keep the
 * highest. A terminal fact (an archive) is final: no later-arriving event undoes it. Everything else is a set of
 * facts whose order does not matter. Wall clocks ({@code occurredAt}) of different instances never decide.
 *
 * <p>What a consumer cannot do without (the ids) is checked in each record's compact constructor: an event missing
 * one is refused when it is made, and when it is read ({@code payloadAs} throws, the event is retried, then parked) —
 * never applied with a null id.
 *
 * <p>Changing a contract: add components with a boxed type (consumers of older events get null for them, and must
 * say what null means — {@code versionOrZero()}); never rename or remove one while events carrying it may still be
 * undelivered.
 */
package com.cycube.support.contracts;
