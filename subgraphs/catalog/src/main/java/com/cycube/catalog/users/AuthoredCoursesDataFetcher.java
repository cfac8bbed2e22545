package com.cycube.catalog.users;

import com.cycube.catalog.courses.CourseFilter;
import com.cycube.catalog.courses.CourseQueryService;
import com.cycube.catalog.courses.CourseView;
import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;

/** {@code User.authoredCourses}: the catalog's only field on the identity subgraph's User. */
@DgsComponent
public class AuthoredCoursesDataFetcher {

    private final CourseQueryService courses;

    public AuthoredCoursesDataFetcher(CourseQueryService courses) {
        this.courses = courses;
    }

    /** The same visibility as Query.courses, narrowed to the user's courses. */
    @DgsData(parentType = "User", field = "authoredCourses")
    public Connection<CourseView> authoredCourses(@InputArgument Integer first, @InputArgument String after,
                                                  DataFetchingEnvironment env) {
        EntityReference user = env.getSource();
        return courses.list(RequestContext.from(env).caller(),
                new CourseFilter(null, null, null, user.id(), null), PageRequest.of(first, after));
    }
}
