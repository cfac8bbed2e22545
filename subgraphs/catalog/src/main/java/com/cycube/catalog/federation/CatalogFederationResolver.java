package com.cycube.catalog.federation;

import com.cycube.catalog.courses.CourseView;
import com.cycube.catalog.courses.CubeView;
import com.cycube.catalog.courses.ModuleView;
import com.cycube.catalog.courses.UserReference;
import com.cycube.catalog.paths.LearningPathDocument;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.federation.DefaultDgsFederationResolver;
import java.util.Map;

/** Tells federation which GraphQL entity type each Java view class is (their names differ). */
@DgsComponent
public class CatalogFederationResolver extends DefaultDgsFederationResolver {

    private static final Map<Class<?>, String> TYPES = Map.of(
            CourseView.class, "Course",
            ModuleView.class, "Module",
            CubeView.class, "Cube",
            LearningPathDocument.class, "LearningPath",
            UserReference.class, "User");

    @Override
    public Map<Class<?>, String> typeMapping() {
        return TYPES;
    }
}
