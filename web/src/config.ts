/**
 * Where the console finds the graph and the identity provider. Read at start-up from `/config.json`, served next to
 * the app by whoever serves it (the local stack, nginx in production), so one build runs on every stack.
 */
export interface ConsoleConfig {
  /** The router's GraphQL endpoint over HTTP, e.g. http://localhost:4000/graphql */
  graphqlUrl: string;
  /** The same endpoint over WebSocket (graphql-transport-ws), e.g. ws://localhost:4000/graphql */
  graphqlWsUrl: string;
  /** The OpenID Connect issuer, e.g. http://localhost:8180/realms/cycube */
  oidcAuthority: string;
  /** The public client of the console (authorization code + PKCE). */
  oidcClientId: string;
}

const REQUIRED: (keyof ConsoleConfig)[] = ['graphqlUrl', 'graphqlWsUrl', 'oidcAuthority', 'oidcClientId'];

export function parseConfig(value: unknown): ConsoleConfig {
  if (typeof value !== 'object' || value === null) {
    throw new Error('config.json is not a JSON object');
  }
  const record = value as Record<string, unknown>;
  for (const key of REQUIRED) {
    if (typeof record[key] !== 'string' || (record[key] as string).length === 0) {
      throw new Error(`config.json lacks "${key}"`);
    }
  }
  return {
    graphqlUrl: record.graphqlUrl as string,
    graphqlWsUrl: record.graphqlWsUrl as string,
    oidcAuthority: (record.oidcAuthority as string).replace(/\/+$/, ''),
    oidcClientId: record.oidcClientId as string,
  };
}

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<ConsoleConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`config.json answered ${response.status}`);
  }
  return parseConfig(await response.json());
}
