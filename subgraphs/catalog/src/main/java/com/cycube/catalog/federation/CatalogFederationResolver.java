package com.cycube.catalog.federation;

import com.cycube.catalog.courses.CourseView;
import com.cycube.catalog.courses.CubeView;
import com.cycube.catalog.courses.ModuleView;
import com.cycube.catalog.paths.LearningPathDocument;
import com.cycube.support.federation.SubgraphFederationResolver;
import com.netflix.graphql.dgs.DgsComponent;
import java.util.Map;

/** The entities the catalog owns, by the Java class that stands for each (their names differ from the types). */
@DgsComponent
public class CatalogFederationResolver extends SubgraphFederationResolver {

    public CatalogFederationResolver() {
        super(Map.of(
                CourseView.class, "Course",
                ModuleView.class, "Module",
                CubeView.class, "Cube",
                LearningPathDocument.class, "LearningPath"));
    }
}
