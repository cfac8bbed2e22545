import { afterEach } from 'vitest';
import { enableAutoUnmount, flushPromises, mount, type ComponentMountingOptions } from '@vue/test-utils';
import { ApolloClient, ApolloLink } from '@apollo/client/core';
import { getMainDefinition } from '@apollo/client/utilities';
import { MockLink, MockSubscriptionLink, type MockedResponse } from '@apollo/client/testing/core';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import type { Component } from 'vue';
import { createConsoleI18n } from '@/i18n';
import { createCache } from '@/graphql/client';

/**
 * Mounts a screen as the console runs it — the app's normalized cache and fetch policies, English texts, a router —
 * on a mocked graph: `mocks` answer queries and mutations (each once, in order), `subscriptions.simulateResult`
 * pushes subscription results. Tests then read what a user sees.
 */
// every screen is unmounted after its test: the next test starts on an empty page
enableAutoUnmount(afterEach);

export interface ScreenOptions {
  mocks?: MockedResponse[];
  props?: Record<string, unknown>;
  /** The route the screen is at (its params are read by the screen through props or useRoute). */
  path?: string;
  routes?: RouteRecordRaw[];
}

export interface SentOperation {
  name: string;
  variables: Record<string, unknown>;
}

export async function mountScreen(component: Component, options: ScreenOptions = {}) {
  const subscriptions = new MockSubscriptionLink();
  /** Every operation the screen sent, in order (to check what was asked, and how often). */
  const sent: SentOperation[] = [];
  const recorder = new ApolloLink((operation, forward) => {
    sent.push({ name: operation.operationName, variables: operation.variables });
    return forward(operation);
  });
  const link = recorder.concat(ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    subscriptions,
    new MockLink(options.mocks ?? [], true, { showWarnings: true }),
  ));
  const client = new ApolloClient({
    link,
    cache: createCache(),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'all' },
      query: { errorPolicy: 'all' },
      mutate: { errorPolicy: 'none' },
    },
  });
  const blank = { render: () => null };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: options.routes ?? [{ path: '/:anything(.*)*', component: blank }],
  });
  await router.push(options.path ?? '/');
  await router.isReady();
  const wrapper = mount(component as never, {
    props: options.props,
    attachTo: document.body,
    global: {
      plugins: [createConsoleI18n('en'), router],
      provide: { [DefaultApolloClient as symbol]: client },
    },
  } as ComponentMountingOptions<never>);
  await settle();
  return { wrapper, client, router, subscriptions, sent };
}

/** Lets the mocked graph answer and the screen render. */
export async function settle(times = 3) {
  for (let i = 0; i < times; i++) {
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
