package com.cycube.support.scalars;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsRuntimeWiring;
import graphql.schema.idl.RuntimeWiring;

/** Registers the shared scalars; each subgraph declares the ones it uses ({@code scalar DateTime}). */
@DgsComponent
public class ScalarsRegistration {

    @DgsRuntimeWiring
    public RuntimeWiring.Builder addScalars(RuntimeWiring.Builder builder) {
        return builder.scalar(DateTimeScalar.INSTANCE);
    }
}
