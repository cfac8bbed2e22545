/** A Relay-style page as the generated types have it. */
interface Page<Edge> {
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The next page appended to the ones shown ("Show more" on a list paged by cursor). */
export function appendPage<Edge, P extends Page<Edge>>(shown: P, next: P): P {
  return { ...next, edges: [...shown.edges, ...next.edges] };
}
