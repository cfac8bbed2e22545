package com.cycube.training.enrollments;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Batched, caller-aware reads behind the federated fields: each loader answers a whole response level with one
 * query, so a page of N enrollments (or N users' enrollments) costs the same few reads whatever N is. Keys the
 * caller may not see resolve to null (or an empty page).
 */
public final class EnrollmentDataLoaders {

    public static final String ENROLLMENTS = "enrollments";
    public static final String ENROLLMENTS_OF_USER = "enrollmentsOfUser";
    public static final String MY_ENROLLMENT_BY_COURSE = "myEnrollmentByCourse";

    private EnrollmentDataLoaders() {
    }

    /** One page of one user's enrollments (the arguments are part of the key: aliases may ask for different pages). */
    public record UserPage(String userId, Integer first, String after) {
    }

    /** Enrollments by id. */
    @DgsDataLoader(name = ENROLLMENTS)
    public static class Enrollments extends CallerBatchLoader<String, EnrollmentDocument> {
        private final EnrollmentStore store;

        public Enrollments(EnrollmentStore store) {
            this.store = store;
        }

        @Override
        protected Map<String, EnrollmentDocument> loadFor(Caller caller, Set<String> ids) {
            return store.findVisible(caller, ids).stream()
                    .collect(Collectors.toMap(EnrollmentDocument::id, Function.identity()));
        }
    }

    /** User.enrollments: one query for every user of the batch, paged per user in memory. */
    @DgsDataLoader(name = ENROLLMENTS_OF_USER)
    public static class EnrollmentsOfUser extends CallerBatchLoader<UserPage, Connection<EnrollmentDocument>> {
        private final EnrollmentStore store;

        public EnrollmentsOfUser(EnrollmentStore store) {
            this.store = store;
        }

        @Override
        protected Map<UserPage, Connection<EnrollmentDocument>> loadFor(Caller caller, Set<UserPage> keys) {
            Set<String> userIds = keys.stream().map(UserPage::userId).collect(Collectors.toSet());
            Map<String, List<EnrollmentDocument>> byUser = new HashMap<>();
            store.visibleOfUsers(caller, userIds)
                    .forEach(e -> byUser.computeIfAbsent(e.userId(), id -> new ArrayList<>()).add(e));
            Map<UserPage, Connection<EnrollmentDocument>> result = new HashMap<>();
            for (UserPage key : keys) {
                PageRequest page = PageRequest.of(key.first(), key.after());
                List<EnrollmentDocument> all = byUser.getOrDefault(key.userId(), List.of());
                int from = Math.min(page.offset(), all.size());
                int to = Math.min(page.offset() + page.first() + 1, all.size());
                result.put(key, Connection.of(all.subList(from, to), page, all.size()));
            }
            return result;
        }
    }

    /** Course.myEnrollment: the caller's enrollment per course id. */
    @DgsDataLoader(name = MY_ENROLLMENT_BY_COURSE)
    public static class MyEnrollmentByCourse extends CallerBatchLoader<String, EnrollmentDocument> {
        private final EnrollmentStore store;

        public MyEnrollmentByCourse(EnrollmentStore store) {
            this.store = store;
        }

        @Override
        protected Map<String, EnrollmentDocument> loadFor(Caller caller, Set<String> courseIds) {
            if (caller.kind() != Caller.Kind.PERSON || caller.organizationId().isEmpty()) {
                return Map.of();
            }
            return store.mineInCourses(caller, courseIds).stream()
                    .collect(Collectors.toMap(EnrollmentDocument::courseId, Function.identity(), (a, b) -> a));
        }
    }
}
