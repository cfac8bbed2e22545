package com.cycube.analytics.records;

/**
 * The verbs of CyCube's learning records: the ADL vocabulary's where one fits (https://w3id.org/xapi/adl), else
 * CyCube's own IRIs under {@code https://cycube.io/xapi/verbs/}.
 */
public enum Verb {
    REGISTERED("http://adlnet.gov/expapi/verbs/registered", "registered"),
    ASSIGNED("https://cycube.io/xapi/verbs/assigned", "assigned"),
    ATTEMPTED("http://adlnet.gov/expapi/verbs/attempted", "attempted"),
    COMPLETED("http://adlnet.gov/expapi/verbs/completed", "completed"),
    ANSWERED("http://adlnet.gov/expapi/verbs/answered", "answered"),
    PASSED("http://adlnet.gov/expapi/verbs/passed", "passed"),
    FAILED("http://adlnet.gov/expapi/verbs/failed", "failed"),
    LAUNCHED("http://adlnet.gov/expapi/verbs/launched", "launched"),
    INITIALIZED("http://adlnet.gov/expapi/verbs/initialized", "initialized"),
    TERMINATED("http://adlnet.gov/expapi/verbs/terminated", "terminated"),
    EXPIRED("https://cycube.io/xapi/verbs/expired", "expired"),
    SATISFIED("https://w3id.org/xapi/adl/verbs/satisfied", "satisfied"),
    EARNED("http://id.tincanapi.com/verb/earned", "earned");

    private final String iri;
    private final String display;

    Verb(String iri, String display) {
        this.iri = iri;
        this.display = display;
    }

    public String iri() {
        return iri;
    }

    public String display() {
        return display;
    }
}
