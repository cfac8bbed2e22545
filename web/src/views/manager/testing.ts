// Test support for the manager screens' specs (not part of the app): mounts a screen as the app would — i18n,
// router, Apollo Client with the app's cache — on a MockLink for queries and mutations and a MockSubscriptionLink
// for subscriptions, and records every operation the screen sent.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { ApolloClient, split } from '@apollo/client/core';
import { MockLink, MockSubscriptionLink, type MockedResponse } from '@apollo/client/testing/core';
import { getMainDefinition } from '@apollo/client/utilities';
import { DefaultApolloClient } from '@vue/apollo-composable';
import type { DocumentNode } from 'graphql';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { createCache } from '@/graphql/client';
import { createConsoleI18n } from '@/i18n';
import { managerRoutes } from './routes';

/** One answer of the mocked graph. */
export interface GraphMock {
  query: DocumentNode;
  /** Answer only these variables (default: any). */
  variables?: Record<string, unknown>;
  /** The data answered, or a function of the variables. */
  data?: Record<string, unknown> | null | ((variables: Record<string, unknown>) => unknown);
  /** GraphQL errors answered, e.g. [{ message: 'Due date must be in the future', extensions: { code: 'BAD_USER_INPUT' } }]. */
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  /** Answer this many times (default: every time). */
  times?: number;
}

export interface SentOperation {
  operationName: string;
  variables: Record<string, unknown>;
}

export interface MountedScreen {
  wrapper: VueWrapper;
  client: ApolloClient<unknown>;
  router: Router;
  subscriptions: MockSubscriptionLink;
  /** Every query and mutation the screen sent, in order. */
  sent: SentOperation[];
  /** The variables of every call of one operation. */
  sentVariables(operationName: string): Record<string, unknown>[];
}

/** JSON with sorted keys and without undefined values: equal variables give equal strings. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

function operationName(document: DocumentNode): string {
  const definition = getMainDefinition(document);
  return definition.kind === 'OperationDefinition' ? (definition.name?.value ?? '') : '';
}

export async function mountScreen(
  screen: Component,
  options: { mocks: GraphMock[]; path?: string; props?: Record<string, unknown> },
): Promise<MountedScreen> {
  const sent: SentOperation[] = [];
  const responses: MockedResponse[] = options.mocks.map((mock) => ({
    request: { query: mock.query },
    variableMatcher: (variables: Record<string, unknown> | undefined) =>
      mock.variables === undefined || canonical(variables ?? {}) === canonical(mock.variables),
    maxUsageCount: mock.times ?? Number.POSITIVE_INFINITY,
    result: (variables: Record<string, unknown>) => {
      sent.push({ operationName: operationName(mock.query), variables });
      const data = typeof mock.data === 'function' ? (mock.data as (v: Record<string, unknown>) => unknown)(variables) : mock.data;
      return { data: (data ?? null) as Record<string, unknown> | null, errors: mock.errors as never };
    },
  }));
  const subscriptions = new MockSubscriptionLink();
  const link = split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    subscriptions,
    new MockLink(responses, true, { showWarnings: false }),
  );
  const client = new ApolloClient({
    link,
    cache: createCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'all' },
      query: { errorPolicy: 'all' },
      mutate: { errorPolicy: 'none' },
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { template: '<p>home</p>' } }, ...managerRoutes],
  });
  await router.push(options.path ?? '/');
  await router.isReady();
  const wrapper = mount(screen, {
    props: options.props,
    attachTo: document.body,
    global: {
      plugins: [createConsoleI18n('en'), router],
      provide: { [DefaultApolloClient as symbol]: client },
    },
  });
  await settle();
  return {
    wrapper,
    client,
    router,
    subscriptions,
    sent,
    sentVariables: (name) => sent.filter((operation) => operation.operationName === name).map((operation) => operation.variables),
  };
}

/** Lets the mocked graph answer and the screen render. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 4; i += 1) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
