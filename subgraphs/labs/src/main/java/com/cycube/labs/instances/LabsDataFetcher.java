package com.cycube.labs.instances;

import com.cycube.labs.templates.LabTemplateDocument;
import com.cycube.labs.templates.LabTemplatesDataLoader;
import com.cycube.support.auth.Caller;
import com.cycube.support.context.RequestContext;
import com.cycube.support.federation.EntityReference;
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
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Publisher;

/** Lab queries, mutations, the labUpdated subscription and the LabInstance fields that need the caller. */
@DgsComponent
public class LabsDataFetcher {

    public record LaunchLabInput(String cubeId, String templateId) {
    }

    public record ExtendLabInput(String id, Integer minutes) {
    }

    /** The input of {@code terminateLab} and {@code resetLab}. */
    public record LabIdInput(String id) {
    }

    public record RecordLabObjectiveInput(String labId, String objectiveId) {
    }

    /** The payload of {@code extendLab}, {@code terminateLab} and {@code resetLab}. */
    public record LabPayload(LabInstanceDocument lab) {
    }

    /** The schema's {@code LabObjectiveStatus}. */
    public record LabObjectiveStatus(String id, String description, boolean met) {
    }

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
    public LabService.Launch launchLab(@InputArgument LaunchLabInput input, DataFetchingEnvironment env) {
        return labs.launch(caller(env), input.cubeId(), input.templateId());
    }

    @DgsMutation
    public LabPayload extendLab(@InputArgument ExtendLabInput input, DataFetchingEnvironment env) {
        return new LabPayload(labs.extend(caller(env), input.id(), input.minutes()));
    }

    @DgsMutation
    public LabPayload terminateLab(@InputArgument LabIdInput input, DataFetchingEnvironment env) {
        return new LabPayload(labs.terminate(caller(env), input.id()));
    }

    @DgsMutation
    public LabPayload resetLab(@InputArgument LabIdInput input, DataFetchingEnvironment env) {
        return new LabPayload(labs.reset(caller(env), input.id()));
    }

    @DgsMutation
    public LabObjectives.Recorded recordLabObjective(@InputArgument RecordLabObjectiveInput input, DataFetchingEnvironment env) {
        return objectives.record(caller(env), input.labId(), input.objectiveId());
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
    public List<LabObjectiveStatus> objectives(DataFetchingEnvironment env) {
        LabInstanceDocument lab = env.getSource();
        return lab.objectives().stream().map(objective -> new LabObjectiveStatus(objective.id(), objective.description(),
                lab.objectivesMet().contains(objective.id()))).toList();
    }

    @DgsData(parentType = "LabInstance", field = "owner")
    public EntityReference owner(DataFetchingEnvironment env) {
        LabInstanceDocument lab = env.getSource();
        return new EntityReference("User", lab.ownerId());
    }

    @DgsData(parentType = "LabInstance", field = "cube")
    public EntityReference cube(DataFetchingEnvironment env) {
        LabInstanceDocument lab = env.getSource();
        return new EntityReference("Cube", lab.cubeId());
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
