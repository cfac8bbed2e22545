package com.cycube.identity;

import com.cycube.support.context.RequestContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/** Loading several keys through a DataLoader with the request context, as {@link RequestContext#load} does for one. */
public final class Loaders {

    private Loaders() {
    }

    /** The values found for {@code keys}, in key order; keys the caller may not see are left out. */
    public static <K, V> CompletableFuture<List<V>> loadAllFound(DataFetchingEnvironment env, String loaderName, List<K> keys) {
        if (keys.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        DataLoader<K, V> loader = Objects.requireNonNull(env.getDataLoader(loaderName), () -> "No DataLoader named " + loaderName);
        List<Object> contexts = Collections.nCopies(keys.size(), RequestContext.from(env));
        return loader.loadMany(keys, contexts).thenApply(values -> values.stream().filter(Objects::nonNull).toList());
    }
}
