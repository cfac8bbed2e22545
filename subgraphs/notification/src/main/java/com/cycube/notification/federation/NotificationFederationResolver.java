package com.cycube.notification.federation;

import com.cycube.support.federation.SubgraphFederationResolver;
import com.netflix.graphql.dgs.DgsComponent;
import java.util.Map;

/** Notification owns no entity and extends none: every field is the caller's own, on Query, Mutation and Subscription. */
@DgsComponent
public class NotificationFederationResolver extends SubgraphFederationResolver {

    public NotificationFederationResolver() {
        super(Map.of());
    }
}
