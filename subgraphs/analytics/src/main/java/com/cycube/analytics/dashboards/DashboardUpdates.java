package com.cycube.analytics.dashboards;

import com.cycube.analytics.AnalyticsProperties;
import com.cycube.analytics.readmodel.AggregateKind;
import com.cycube.analytics.readmodel.AggregateShard;
import com.cycube.analytics.readmodel.AggregateStore;
import com.cycube.analytics.readmodel.EntityStore;
import com.cycube.support.live.LiveFeed;
import com.cycube.support.live.LiveFeeds;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
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
    private final AggregateStore aggregates;
    private final Dashboards dashboards;
    private final Duration interval;

    public DashboardUpdates(LiveFeeds feeds, AggregateStore aggregates, Dashboards dashboards,
                            AnalyticsProperties properties) {
        this.aggregates = aggregates;
        this.dashboards = dashboards;
        this.interval = properties.dashboards().liveUpdateInterval();
        this.feed = feeds.open(EntityStore.AGGREGATES, LiveFeed.Source.byKey(AggregateShard::organizationId,
                aggregates::shard, aggregates::organizationShards));
    }

    /** The dashboard of an organization the caller may read, now and after every change (at most once per interval). */
    public Flux<OrganizationDashboard> follow(String organizationId) {
        Flux<AggregateShard> changes = feed.followChanges(organizationId,
                shard -> AggregateKind.ORGANIZATION.name().equals(shard.kind()),
                () -> aggregates.organizationShards(Set.of(organizationId)).stream()
                        .collect(Collectors.toMap(AggregateShard::id, AggregateShard::revision)));
        return Flux.concat(Mono.fromCallable(() -> dashboards.organizationAllowed(organizationId)),
                changes.sample(interval).map(changed -> dashboards.organizationAllowed(organizationId)));
    }

    /** The feed, for tests that wait until a subscription is live. */
    LiveFeed<AggregateShard> feed() {
        return feed;
    }
}
