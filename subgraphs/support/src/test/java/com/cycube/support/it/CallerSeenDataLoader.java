package com.cycube.support.it;

import com.cycube.support.context.RequestContext;
import com.cycube.support.it.TestDataFetchers.CallerSeen;
import com.netflix.graphql.dgs.DgsDataLoader;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchLoaderWithContext;

/**
 * Answers every key with the caller that {@link RequestContext#from(BatchLoaderEnvironment)} finds,
 * read on a pool thread (not the request's), and the size of the batch.
 */
@DgsDataLoader(name = CallerSeenDataLoader.NAME)
public class CallerSeenDataLoader implements MappedBatchLoaderWithContext<String, CallerSeen> {

    static final String NAME = "callerSeen";

    @Override
    public CompletionStage<Map<String, CallerSeen>> load(Set<String> keys, BatchLoaderEnvironment environment) {
        return CompletableFuture.supplyAsync(() -> {
            String subject = RequestContext.from(environment).caller().subject();
            return keys.stream().collect(Collectors.toMap(Function.identity(), key -> new CallerSeen(subject, keys.size())));
        });
    }

    /** The same, registered separately so its keys can be loaded without a key context. */
    @DgsDataLoader(name = WithoutKeyContext.NAME)
    public static class WithoutKeyContext extends CallerSeenDataLoader {

        static final String NAME = "callerSeenWithoutKeyContext";
    }
}
