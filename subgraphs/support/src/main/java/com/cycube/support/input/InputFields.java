package com.cycube.support.input;

import graphql.schema.DataFetchingEnvironment;
import java.util.Map;

/**
 * What a typed input record cannot say: whether an optional field was sent as {@code null} (clear it) or left out
 * (keep it). Inputs are records (ADR 12), where both read as null; a mutation that distinguishes the two asks here.
 */
public final class InputFields {

    private InputFields() {
    }

    /** Whether the mutation's {@code input} argument contains {@code field} at all (possibly as null). */
    public static boolean sent(DataFetchingEnvironment env, String field) {
        Map<String, Object> input = env.getArgument("input");
        return input != null && input.containsKey(field);
    }
}
