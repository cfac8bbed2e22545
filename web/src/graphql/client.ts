import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, split } from '@apollo/client/core';
import { setContext } from '@apollo/client/link/context';
import { onError } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import type { ConsoleConfig } from '@/config';
import type { Session } from '@/auth/session';

/** The close code graphql-ws retries on: used to reconnect with a fresh token after a renewal. */
const RESTART_CLOSE_CODE = 4205;

export interface GraphClient {
  apollo: ApolloClient<unknown>;
  /** The WebSocket client (subscriptions); re-authenticates after every token renewal. */
  socket: Client;
}

/**
 * One Apollo Client for the console: queries and mutations over HTTP, subscriptions over one WebSocket
 * (graphql-transport-ws) with the token in `connection_init`. Both go to the router. The cache is normalized
 * (type + id), so a mutation's result updates every screen that shows the same object.
 */
export function createGraphClient(
  config: ConsoleConfig,
  session: Session,
  onSignedOut: () => void,
): GraphClient {
  const auth = setContext(async (_, { headers }) => {
    const token = await session.accessToken();
    return { headers: { ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) } };
  });

  const unauthenticated = onError(({ graphQLErrors, networkError }) => {
    const status = (networkError as { statusCode?: number } | null)?.statusCode;
    if (status === 401 || graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      onSignedOut();
    }
  });

  let restart: () => void = () => {};
  let restartRequested = false;
  const socket = createClient({
    url: config.graphqlWsUrl,
    lazy: true,
    keepAlive: 15_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    connectionParams: async () => {
      const token = await session.accessToken();
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
    on: {
      opened: (opened) => {
        const ws = opened as WebSocket;
        restart = () => {
          if (ws.readyState === WebSocket.OPEN) ws.close(RESTART_CLOSE_CODE, 'Token renewed');
          else restartRequested = true;
        };
        if (restartRequested) {
          restartRequested = false;
          restart();
        }
      },
    },
  });
  // A renewed token: close the socket with a retryable code; graphql-ws reconnects with the new token in
  // connection_init and subscribes every active subscription again.
  session.onRenewed(() => restart());

  const http = ApolloLink.from([unauthenticated, auth, new HttpLink({ uri: config.graphqlUrl })]);
  const link = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(socket),
    http,
  );

  const apollo = new ApolloClient({
    link,
    cache: createCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'all' },
      query: { errorPolicy: 'all' },
      mutate: { errorPolicy: 'none' },
    },
  });
  return { apollo, socket };
}

/**
 * The normalized cache. Objects with an id are stored once (type + id). Progress, quiz results and per-question
 * progress have no id of their own: `merge: true` merges each write into what is there, so a screen that asks for
 * fewer of their fields does not drop the fields another screen shows. `course(id)` reads a course already in the
 * cache (from a list) before going to the network; a course known to be absent (null) stays null.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Progress: { merge: true },
      QuizResult: { merge: true },
      QuestionProgress: { merge: true },
      Query: {
        fields: {
          course: {
            read: (existing, { args, toReference }) =>
              existing !== undefined ? existing : args?.id ? toReference({ __typename: 'Course', id: args.id }) : undefined,
          },
        },
      },
    },
  });
}
