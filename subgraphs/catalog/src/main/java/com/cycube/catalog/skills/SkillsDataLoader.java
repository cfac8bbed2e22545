package com.cycube.catalog.skills;

import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchLoaderWithContext;

/** Skills by id, one query for every course of a response. Skills are global: no tenant scoping needed. */
@DgsDataLoader(name = SkillsDataLoader.NAME)
public class SkillsDataLoader implements MappedBatchLoaderWithContext<String, SkillDocument> {

    public static final String NAME = "skills";

    private final SkillService skills;

    public SkillsDataLoader(SkillService skills) {
        this.skills = skills;
    }

    @Override
    public CompletionStage<Map<String, SkillDocument>> load(Set<String> ids, BatchLoaderEnvironment environment) {
        return CompletableFuture.completedFuture(skills.byIds(ids));
    }
}
