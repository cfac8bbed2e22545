package com.cycube.assessment.cubes;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Cube facts by cube id, batched per request: visible cubes only. */
@DgsDataLoader(name = CubeFactsDataLoader.NAME)
public class CubeFactsDataLoader extends CallerBatchLoader<String, CubeFactDocument> {

    public static final String NAME = "cubeFacts";

    private final CubeFactService cubes;

    public CubeFactsDataLoader(CubeFactService cubes) {
        this.cubes = cubes;
    }

    @Override
    protected Map<String, CubeFactDocument> loadFor(Caller caller, Set<String> cubeIds) {
        return cubes.visible(caller, cubeIds).stream().collect(Collectors.toMap(CubeFactDocument::id, Function.identity()));
    }
}
