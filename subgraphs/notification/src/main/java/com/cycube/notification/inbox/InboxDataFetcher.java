package com.cycube.notification.inbox;

import com.cycube.support.context.RequestContext;
import com.cycube.support.pagination.Connection;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.DgsSubscription;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import org.reactivestreams.Publisher;

/** The caller's notifications: the list, the unread count, marking read, and the live bell. */
@DgsComponent
public class InboxDataFetcher {

    /** The schema's MarkNotificationsReadInput. */
    public record MarkNotificationsReadInput(List<String> ids, Boolean all) {
    }

    /** The schema's MarkNotificationsReadPayload. */
    public record MarkNotificationsReadPayload(int unreadCount) {
    }

    private final InboxService inbox;

    public InboxDataFetcher(InboxService inbox) {
        this.inbox = inbox;
    }

    @DgsQuery
    public Connection<NotificationDocument> notifications(@InputArgument Integer first, @InputArgument String after,
                                                          @InputArgument Boolean unreadOnly, DataFetchingEnvironment env) {
        return inbox.list(RequestContext.from(env).caller(), first, after, unreadOnly);
    }

    @DgsQuery
    public int unreadNotificationCount(DataFetchingEnvironment env) {
        return inbox.unreadCount(RequestContext.from(env).caller());
    }

    @DgsMutation
    public MarkNotificationsReadPayload markNotificationsRead(@InputArgument MarkNotificationsReadInput input,
                                                              DataFetchingEnvironment env) {
        return new MarkNotificationsReadPayload(inbox.markRead(RequestContext.from(env).caller(), input.ids(), input.all()));
    }

    @DgsSubscription
    public Publisher<NotificationDocument> notificationReceived(DataFetchingEnvironment env) {
        return inbox.follow(RequestContext.from(env).caller());
    }
}
