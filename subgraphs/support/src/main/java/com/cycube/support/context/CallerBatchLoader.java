package com.cycube.support.context;

import com.cycube.support.auth.Caller;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchLoaderWithContext;

/**
 * A DataLoader batch function that needs to know who is asking: it gets the caller of the request the batch
 * belongs to (via {@link RequestContext#from(BatchLoaderEnvironment)}), on whatever thread it runs. Subclass it
 * and annotate the subclass with {@code @DgsDataLoader}; keys the caller may not see are simply left out.
 */
public abstract class CallerBatchLoader<K, V> implements MappedBatchLoaderWithContext<K, V> {

    @Override
    public final CompletionStage<Map<K, V>> load(Set<K> keys, BatchLoaderEnvironment environment) {
        return CompletableFuture.completedFuture(loadFor(RequestContext.from(environment).caller(), keys));
    }

    /** The values for {@code keys} that {@code caller} may see, by key. */
    protected abstract Map<K, V> loadFor(Caller caller, Set<K> keys);
}
