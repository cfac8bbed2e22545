package com.cycube.support.pagination;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A Relay connection, shaped like the schema's {@code XxxConnection} types. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * Builds a page from the rows fetched for {@code page}: fetch {@code first + 1} rows so the
     * extra one tells whether a next page exists. A page reaching {@link PageRequest#MAX_POSITION} has no next page:
     * its end cursor could not be used for one.
     */
    public static <T> Connection<T> of(List<T> fetched, PageRequest page, long totalCount) {
        boolean more = fetched.size() > page.first();
        List<T> rows = more ? fetched.subList(0, page.first()) : fetched;
        boolean hasNext = more && page.offset() + rows.size() - 1 < PageRequest.MAX_POSITION;
        List<Edge<T>> edges = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            edges.add(new Edge<>(PageRequest.encode(page.offset() + i), rows.get(i)));
        }
        PageInfo info = new PageInfo(hasNext, page.offset() > 0,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, info, totalCount);
    }

    public <R> Connection<R> map(Function<T, R> mapper) {
        return new Connection<>(edges.stream().map(e -> new Edge<>(e.cursor(), mapper.apply(e.node()))).toList(),
                pageInfo, totalCount);
    }
}
