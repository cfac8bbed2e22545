package com.cycube.analytics.records;

/** What a learning record is about, with the activity type IRI xAPI gives it and the path of its activity id. */
public enum ActivityType {
    COURSE("http://adlnet.gov/expapi/activities/course", "courses"),
    LEARNING_PATH("http://adlnet.gov/expapi/activities/course", "learning-paths"),
    CUBE("http://adlnet.gov/expapi/activities/lesson", "cubes"),
    QUESTION("http://adlnet.gov/expapi/activities/cmi.interaction", "questions"),
    LAB("http://adlnet.gov/expapi/activities/simulation", "labs"),
    CERTIFICATE("https://cycube.io/xapi/activities/certificate", "certificates");

    private final String iri;
    private final String path;

    ActivityType(String iri, String path) {
        this.iri = iri;
        this.path = path;
    }

    public String iri() {
        return iri;
    }

    /** The activity id of the object {@code id} under {@code base} (e.g. https://cycube.io/xapi/courses/c1). */
    public String activityId(String base, String id) {
        return base + "/" + path + "/" + id;
    }
}
