package com.cycube.support.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the event a payload record stands for: {@code @EventType("catalog.CoursePublished")}. The name is the
 * contract between producer and consumers (docs/events.md): owner subgraph first, then the fact in the past tense.
 * Every event's payload record lives in {@code com.cycube.support.contracts.<owner>} and implements
 * {@link EventPayload}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** Dotted name, owner first: {@code assessment.QuizPassed}. */
    String value();
}
