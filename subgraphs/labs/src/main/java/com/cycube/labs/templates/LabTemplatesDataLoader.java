package com.cycube.labs.templates;

import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Templates by id ({@code LabInstance.template}, entity references): one read per response level. */
@DgsDataLoader(name = LabTemplatesDataLoader.NAME)
public class LabTemplatesDataLoader implements MappedBatchLoader<String, LabTemplateDocument> {

    public static final String NAME = "labTemplates";

    private final LabTemplateStore templates;

    public LabTemplatesDataLoader(LabTemplateStore templates) {
        this.templates = templates;
    }

    @Override
    public CompletionStage<Map<String, LabTemplateDocument>> load(Set<String> ids) {
        // Templates are readable by every signed-in caller; callers were checked where the keys were loaded.
        return CompletableFuture.completedFuture(templates.byIds(ids));
    }
}
