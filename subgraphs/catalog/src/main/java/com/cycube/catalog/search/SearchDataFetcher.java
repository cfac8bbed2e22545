package com.cycube.catalog.search;

import com.cycube.support.context.RequestContext;
import com.cycube.support.pagination.Connection;
import com.cycube.support.pagination.PageRequest;
import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import graphql.schema.DataFetchingEnvironment;

/** {@code searchCatalog}. */
@DgsComponent
public class SearchDataFetcher {

    private final CatalogSearchService search;

    public SearchDataFetcher(CatalogSearchService search) {
        this.search = search;
    }

    @DgsQuery
    public Connection<CatalogSearchService.Hit> searchCatalog(@InputArgument String query, @InputArgument Integer first,
                                                              @InputArgument String after, DataFetchingEnvironment env) {
        return search.search(RequestContext.from(env).caller(), query, PageRequest.of(first, after));
    }
}
