package com.cycube.analytics.records;

import com.cycube.analytics.AnalyticsProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Learning records as xAPI 1.0.3 statements: the JSON a Learning Record Store accepts and integrators read. The
 * actor is an account (home page, user id: no e-mail address leaves CyCube); activity ids are IRIs under
 * {@code cycube.analytics.xapi.activity-base}; the organization, course, cube, enrollment, assignment and lab travel
 * as context extensions.
 */
@Component
public class XapiStatements {

    /** The IRI prefix of CyCube's context and result extensions. */
    public static final String EXTENSIONS = "https://cycube.io/xapi/extensions/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String activityBase;
    private final String homePage;

    public XapiStatements(AnalyticsProperties properties) {
        this.activityBase = properties.xapi().activityBase().replaceAll("/+$", "");
        this.homePage = properties.xapi().accountHomePage();
    }

    /** The object's activity id. */
    public String activityId(LearningRecord record) {
        return record.objectType().activityId(activityBase, record.objectId());
    }

    /** The statement as a JSON-ready map. */
    public Map<String, Object> statement(LearningRecord record) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("id", record.id());
        statement.put("actor", Map.of("objectType", "Agent",
                "account", Map.of("homePage", homePage, "name", record.userId())));
        statement.put("verb", Map.of("id", record.verb().iri(), "display", Map.of("en-US", record.verb().display())));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("type", record.objectType().iri());
        if (record.objectName() != null) {
            definition.put("name", Map.of("en-US", record.objectName()));
        }
        statement.put("object", Map.of("objectType", "Activity", "id", activityId(record), "definition", definition));
        if (record.result() != null) {
            statement.put("result", result(record.result()));
        }
        statement.put("context", context(record));
        statement.put("timestamp", record.timestamp().toString());
        statement.put("version", "1.0.3");
        return statement;
    }

    public String json(LearningRecord record) {
        return JSON.writeValueAsString(statement(record));
    }

    private static Map<String, Object> result(LearningRecord.Result result) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (result.success() != null) {
            out.put("success", result.success());
        }
        if (result.completion() != null) {
            out.put("completion", result.completion());
        }
        if (result.scoreRaw() != null) {
            Map<String, Object> score = new LinkedHashMap<>();
            score.put("raw", result.scoreRaw());
            if (result.scoreMin() != null) {
                score.put("min", result.scoreMin());
            }
            if (result.scoreMax() != null) {
                score.put("max", result.scoreMax());
            }
            if (result.scoreScaled() != null) {
                score.put("scaled", result.scoreScaled());
            }
            out.put("score", score);
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (result.attempt() != null) {
            extensions.put(EXTENSIONS + "attempt", result.attempt());
        }
        if (result.hintsTaken() != null) {
            extensions.put(EXTENSIONS + "hints-taken", result.hintsTaken());
        }
        if (!extensions.isEmpty()) {
            out.put("extensions", extensions);
        }
        return out;
    }

    private Map<String, Object> context(LearningRecord record) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put(EXTENSIONS + "organization", record.organizationId());
        LearningRecord.Context context = record.context();
        if (context != null) {
            putIfSet(extensions, "course", context.courseId());
            putIfSet(extensions, "cube", context.cubeId());
            putIfSet(extensions, "enrollment", context.enrollmentId());
            putIfSet(extensions, "assignment", context.assignmentId());
            putIfSet(extensions, "lab", context.labId());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("platform", "CyCube");
        if (context != null && context.courseId() != null && record.objectType() != ActivityType.COURSE) {
            out.put("contextActivities", Map.of("parent", java.util.List.of(Map.of("objectType", "Activity",
                    "id", ActivityType.COURSE.activityId(activityBase, context.courseId())))));
        }
        out.put("extensions", extensions);
        return out;
    }

    private static void putIfSet(Map<String, Object> extensions, String name, String value) {
        if (value != null) {
            extensions.put(EXTENSIONS + name, value);
        }
    }
}
