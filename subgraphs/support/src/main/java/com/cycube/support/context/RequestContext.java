package com.cycube.support.context;

import com.cycube.support.auth.Caller;
import com.cycube.support.errors.DomainException;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoader;

/**
 * Everything a resolver may know about the current request: the caller (and so the tenant), the
 * request id and trace parent propagated by the router (checked by {@link RequestCorrelation}: the request id is
 * always a safe one, the trace parent a valid W3C one or null), and the client's address for the audit trail
 * ({@link ClientAddresses}: the connection's, or what a trusted proxy says in {@code X-Forwarded-For}). It lives in the GraphQL context, not in a thread-local, so it reaches
 * DataLoader batch functions on any thread: pass it as the key context with {@link #load}.
 */
public record RequestContext(Caller caller, String requestId, String traceParent, String clientIp) {

    public static final String CONTEXT_KEY = RequestContext.class.getName();

    public static final RequestContext ANONYMOUS = new RequestContext(Caller.ANONYMOUS, null, null, null);

    public static RequestContext from(DataFetchingEnvironment env) {
        return from(env.getGraphQlContext());
    }

    public static RequestContext from(GraphQLContext context) {
        RequestContext requestContext = context == null ? null : context.get(CONTEXT_KEY);
        return requestContext != null ? requestContext : ANONYMOUS;
    }

    /**
     * The context of the requests whose keys are in this batch. Keys are loaded through
     * {@link #load}, which attaches the context to every key; a batch never mixes requests
     * (DataLoaders are per request), so the first key context is the request's.
     */
    public static RequestContext from(BatchLoaderEnvironment env) {
        List<Object> keyContexts = env.getKeyContextsList();
        for (Object keyContext : keyContexts) {
            if (keyContext instanceof RequestContext requestContext) {
                return requestContext;
            }
        }
        Object context = env.getContext();
        if (context instanceof GraphQLContext graphQLContext) {
            return from(graphQLContext);
        }
        throw new IllegalStateException("DataLoader key loaded without a RequestContext: use RequestContext.load(...)");
    }

    /** Loads {@code key} through the named DataLoader, carrying this request's context to the batch function. */
    public static <K, V> CompletableFuture<V> load(DataFetchingEnvironment env, String loaderName, K key) {
        DataLoader<K, V> loader = Objects.requireNonNull(env.getDataLoader(loaderName), () -> "No DataLoader named " + loaderName);
        return loader.load(key, from(env));
    }

    /**
     * Loads {@code keys} through the named DataLoader with this request's context: the values found, in key order;
     * keys the caller may not see (or that do not exist) are left out.
     */
    public static <K, V> CompletableFuture<List<V>> loadMany(DataFetchingEnvironment env,
                                                                                String loaderName, List<K> keys) {
        if (keys == null || keys.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        DataLoader<K, V> loader = Objects.requireNonNull(env.getDataLoader(loaderName), () -> "No DataLoader named " + loaderName);
        List<Object> contexts = Collections.nCopies(keys.size(), from(env));
        return loader.loadMany(keys, contexts).thenApply(values -> values.stream().filter(Objects::nonNull).toList());
    }

    public Caller requireAuthenticated() {
        if (!caller.isAuthenticated()) {
            throw DomainException.unauthenticated();
        }
        return caller;
    }
}
