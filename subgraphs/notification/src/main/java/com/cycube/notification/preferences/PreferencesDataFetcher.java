package com.cycube.notification.preferences;

import com.cycube.support.context.RequestContext;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;

/** {@code notificationPreferences} and {@code updateNotificationPreferences}. */
@DgsComponent
public class PreferencesDataFetcher {

    /** The schema's UpdateNotificationPreferencesInput. */
    public record UpdateNotificationPreferencesInput(List<NotificationPreference> preferences) {
    }

    /** The schema's UpdateNotificationPreferencesPayload. */
    public record UpdateNotificationPreferencesPayload(List<NotificationPreference> preferences) {
    }

    private final PreferencesService preferences;

    public PreferencesDataFetcher(PreferencesService preferences) {
        this.preferences = preferences;
    }

    @DgsQuery
    public List<NotificationPreference> notificationPreferences(DataFetchingEnvironment env) {
        return preferences.mine(RequestContext.from(env).caller());
    }

    @DgsMutation
    public UpdateNotificationPreferencesPayload updateNotificationPreferences(
            @InputArgument UpdateNotificationPreferencesInput input, DataFetchingEnvironment env) {
        return new UpdateNotificationPreferencesPayload(preferences.update(RequestContext.from(env).caller(),
                input.preferences()));
    }
}
