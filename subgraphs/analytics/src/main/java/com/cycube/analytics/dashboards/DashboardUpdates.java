package com.cycube.analytics.dashboards;

import com.cycube.analytics.AnalyticsProperties;
import com.cycube.analytics.readmodel.AggregateKind;
import com.cycube.analytics.readmodel.AggregateShard;
import com.cycube.analytics.readmodel.EntityStore;
import com.cycube.support.live.LiveFeed;
import com.cycube.support.live.LiveFeeds;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live organization dashboards: the dashboard now, then again after its aggregate changed — sampled, so that a burst
 * of facts becomes at most one push per {@code cycube.analytics.dashboards.live-update-interval} (default 1 s). Every
 * instance follows the aggregates' change stream, so a fact applied by any instance moves every subscriber's
 * dashboard.
 */
@Component
public class DashboardUpdates {

    private final LiveFeed<AggregateShard> feed;
    private final MongoTemplate mongo;
    private final Dashboards dashboards;
    private final Duration interval;

    public DashboardUpdates(LiveFeeds feeds, MongoTemplate mongo, Dashboards dashboards, AnalyticsProperties properties) {
        this.mongo = mongo;
        this.dashboards = dashboards;
        this.interval = properties.dashboards().liveUpdateInterval();
        this.feed = feeds.open(EntityStore.AGGREGATES, LiveFeed.Source.byKey(AggregateShard::organizationId,
                id -> Optional.ofNullable(mongo.findById(id, AggregateShard.class, EntityStore.AGGREGATES)),
                organizations -> mongo.find(organizationShards(organizations), AggregateShard.class, EntityStore.AGGREGATES)));
    }

    /** The dashboard of an organization the caller may read, now and after every change (at most once per interval). */
    public Flux<OrganizationDashboard> follow(String organizationId) {
        Flux<AggregateShard> changes = feed.followChanges(organizationId,
                shard -> AggregateKind.ORGANIZATION.name().equals(shard.kind()),
                () -> mongo.find(organizationShards(Set.of(organizationId)), AggregateShard.class, EntityStore.AGGREGATES)
                        .stream().collect(Collectors.toMap(AggregateShard::id, AggregateShard::revision)));
        return Flux.concat(Mono.fromCallable(() -> dashboards.organizationAllowed(organizationId)),
                changes.sample(interval).map(changed -> dashboards.organizationAllowed(organizationId)));
    }

    /** The feed, for tests that wait until a subscription is live. */
    LiveFeed<AggregateShard> feed() {
        return feed;
    }

    private static Query organizationShards(Set<String> organizations) {
        return Query.query(Criteria.where("kind").is(AggregateKind.ORGANIZATION.name())
                .and("organizationId").in(organizations));
    }
}
