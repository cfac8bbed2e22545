package com.cycube.support.tenancy;

import com.cycube.support.auth.Caller;
import com.cycube.support.context.CallerBatchLoader;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The DataLoader for "documents by id": one MongoDB query per batch, limited to what the caller of
 * the request may see; ids the caller may not see are simply absent (resolved as null / NOT_FOUND).
 * Subclass it with the document type and annotate the subclass with {@code @DgsDataLoader}.
 */
public abstract class TenantScopedBatchLoader<T> extends CallerBatchLoader<String, T> {

    private final TenantScopedMongo tenants;
    private final Visibility visibility;
    private final Class<T> type;
    private final Function<T, String> idOf;

    protected TenantScopedBatchLoader(TenantScopedMongo tenants, Visibility visibility, Class<T> type, Function<T, String> idOf) {
        this.tenants = tenants;
        this.visibility = visibility;
        this.type = type;
        this.idOf = idOf;
    }

    @Override
    protected Map<String, T> loadFor(Caller caller, Set<String> ids) {
        return tenants.findAllById(caller, visibility, ids, type).stream()
                .collect(Collectors.toMap(idOf, Function.identity()));
    }
}
