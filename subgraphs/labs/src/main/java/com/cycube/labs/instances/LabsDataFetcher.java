package com.cycube.labs.instances;

import com.cycube.labs.federation.CubeReference;
import com.cycube.labs.federation.UserReference;
import com.cycube.labs.templates.LabTemplateDocument;
import com.cycube.labs.templates.LabTemplatesDataLoader;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.input.Inputs;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.DgsSubscription;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;

/** Lab queries, mutations, the labUpdated subscription and the LabInstance fields that need the caller. */
@DgsComponent
public class LabsDataFetcher {

    private final LabService labs;
    private final LabUpdates updates;
    private final LabObjectives objectives;

    public LabsDataFetcher(LabService labs, LabUpdates updates, LabObjectives objectives) {
        this.labs = labs;
        this.updates = updates;
        this.objectives = objectives;
    }

    @DgsQuery
    public LabInstanceDocument labInstance(@InputArgument String id, DataFetchingEnvironment env) {
        return labs.get(caller(env), id).orElse(null);
    }

    @DgsQuery
    public Connection<LabInstanceDocument> myLabs(@InputArgument Integer first, @InputArgument String after,
                                                  @InputArgument Boolean activeOnly, DataFetchingEnvironment env) {
        return labs.myLabs(caller(env), PageRequest.of(first, after), Boolean.TRUE.equals(activeOnly));
    }

    @DgsQuery
    public Connection<LabInstanceDocument> labInstances(@InputArgument Integer first, @InputArgument String after,
                                                        @InputArgument LabState state, DataFetchingEnvironment env) {
        return labs.labInstances(caller(env), PageRequest.of(first, after), state);
    }

    @DgsMutation
    public Map<String, Object> launchLab(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        LabService.Launch launch = labs.launch(caller(env), in.string("cubeId"), in.string("templateId"));
        return Map.of("lab", launch.lab(), "alreadyActive", launch.alreadyActive());
    }

    @DgsMutation
    public Map<String, Object> extendLab(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        return Map.of("lab", labs.extend(caller(env), in.string("id"), in.integer("minutes")));
    }

    @DgsMutation
    public Map<String, Object> terminateLab(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        return Map.of("lab", labs.terminate(caller(env), Inputs.of(input).string("id")));
    }

    @DgsMutation
    public Map<String, Object> resetLab(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        return Map.of("lab", labs.reset(caller(env), Inputs.of(input).string("id")));
    }

    @DgsMutation
    public Map<String, Object> recordLabObjective(@InputArgument Map<String, Object> input, DataFetchingEnvironment env) {
        Inputs in = Inputs.of(input);
        LabObjectives.Recorded recorded = objectives.record(caller(env), in.string("labId"), in.string("objectiveId"));
        return Map.of("lab", recorded.lab(), "allMet", recorded.allMet());
    }

    /** Access is checked once, before anything is pushed: others get NOT_FOUND like for a missing lab. */
    @DgsSubscription
    public Publisher<LabInstanceDocument> labUpdated(@InputArgument String id, DataFetchingEnvironment env) {
        labs.visibleOrNotFound(caller(env), id);
        return updates.follow(id);
    }

    @DgsData(parentType = "LabInstance", field = "connectionUrl")
    public String connectionUrl(DataFetchingEnvironment env) {
        return labs.connectionUrl(caller(env), env.getSource());
    }

    @DgsData(parentType = "LabInstance", field = "objectives")
    public List<Map<String, Object>> objectives(DataFetchingEnvironment env) {
        LabInstanceDocument lab = env.getSource();
        return lab.objectives().stream().map(objective -> Map.<String, Object>of("id", objective.id(),
                "description", objective.description(), "met", lab.objectivesMet().contains(objective.id()))).toList();
    }

    @DgsData(parentType = "LabInstance", field = "owner")
    public UserReference owner(DataFetchingEnvironment env) {
        LabInstanceDocument lab = env.getSource();
        return new UserReference(lab.ownerId());
    }

    @DgsData(parentType = "LabInstance", field = "cube")
    public CubeReference cube(DataFetchingEnvironment env) {
        LabInstanceDocument lab = env.getSource();
        return new CubeReference(lab.cubeId());
    }

    @DgsData(parentType = "LabInstance", field = "template")
    public CompletableFuture<LabTemplateDocument> template(DataFetchingEnvironment env) {
        LabInstanceDocument lab = env.getSource();
        return RequestContext.load(env, LabTemplatesDataLoader.NAME, lab.templateId());
    }

    private static Caller caller(DataFetchingEnvironment env) {
        return RequestContext.from(env).caller();
    }
}
