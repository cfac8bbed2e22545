package com.cycube.support.context;

import com.cycube.support.auth.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.MappedBatchLoaderWithContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A DataLoader batch function (each batch's size is recorded as {@code cycube_dataloader_batch_size{loader}}) that needs to know who is asking: it gets the caller of the request the batch
 * belongs to (via {@link RequestContext#from(BatchLoaderEnvironment)}), on whatever thread it runs. Subclass it
 * and annotate the subclass with {@code @DgsDataLoader}; keys the caller may not see are simply left out.
 */
public abstract class CallerBatchLoader<K, V> implements MappedBatchLoaderWithContext<K, V> {

    private MeterRegistry meterRegistry;

    /** The application's registry, for the batch sizes (absent in tests without Spring: nothing recorded). */
    @Autowired(required = false)
    public void setMeterRegistry(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    @Override
    public final CompletionStage<Map<K, V>> load(Set<K> keys, BatchLoaderEnvironment environment) {
        if (meterRegistry != null) {
            meterRegistry.summary("cycube.dataloader.batch.size", "loader", getClass().getSimpleName()).record(keys.size());
        }
        return CompletableFuture.completedFuture(loadFor(RequestContext.from(environment).caller(), keys));
    }

    /** The values for {@code keys} that {@code caller} may see, by key. */
    protected abstract Map<K, V> loadFor(Caller caller, Set<K> keys);
}
