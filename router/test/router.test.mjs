// The router configurations, exercised through the real Hive Router binary in front of stub subgraphs.
// Run: npm --prefix router test   (ROUTER_TEST_SUPERGRAPH=/abs/supergraph.graphql to try another supergraph)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ISSUER, LOCAL_CONFIG, PROD_CONFIG, PROD_METRICS_PORT, composeServicePorts, describeSupergraph, prodConfigWithMetricsPort, freePort, postGraphQL, randomRequestId,
  startJwks, startRouter, startStubSubgraph, startTraceCollector,
} from './support.mjs';

const supergraph = describeSupergraph();
const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
// What a client may send to put an address of its choosing into the subgraphs' audit trail.
const SPOOFED_CLIENT_ADDRESS = {
  'x-forwarded-for': '203.0.113.66', forwarded: 'for=203.0.113.66', 'x-real-ip': '203.0.113.66', 'x-client-ip': '203.0.113.66',
};

/** Sends a query with a spoofed client address and returns the headers the subgraph received. */
async function headersReceivedWithSpoofedAddress(router, stubs, rootField) {
  const requests = stubs[rootField.subgraph.name].requests;
  const before = requests.length;
  await postGraphQL(router.graphql, { query: rootField.query }, SPOOFED_CLIENT_ADDRESS);
  const [received] = requests.slice(before);
  assert.ok(received, 'the subgraph was called');
  return received.headers;
}

/**
 * Asks for the query plan both ways Hive Router knows (`hive-expose-query-plan: true` / `dry-run`, honoured only with
 * `query_planner.allow_expose: true`): the checked-in configs must ignore the header, run the operation and show no plan.
 */
async function assertNoQueryPlanExposed(router, stubs) {
  const rootField = supergraph.rootField();
  for (const value of ['true', 'dry-run']) {
    const requests = stubs[rootField.subgraph.name].requests;
    const before = requests.length;
    const { json, text } = await postGraphQL(router.graphql, { query: rootField.query }, { 'hive-expose-query-plan': value });
    assert.equal(json?.extensions?.queryPlan, undefined, `hive-expose-query-plan: ${value} exposed the plan: ${text}`);
    assert.equal(requests.length, before + 1, `hive-expose-query-plan: ${value} should not stop the operation from running`);
  }
}

async function subgraphStubs(jwks) {
  const stubs = Object.fromEntries(await Promise.all(supergraph.graphs.map(async (g) => [g.name, await startStubSubgraph(g.name, { acceptsToken: jwks.isValid })])));
  const env = Object.fromEntries(supergraph.graphs.map((g) => [`${g.name.toUpperCase()}_URL`, stubs[g.name].url]));
  return { stubs, env, close: () => Promise.all(Object.values(stubs).map((s) => s.close())) };
}

/** The router with router.config.prod.yaml (metrics on metricsPort) in front of the stubs, with its required environment. */
function startProdRouter({ jwks, subgraphs, metricsPort, env }) {
  return startRouter({
    config: prodConfigWithMetricsPort(metricsPort),
    env: { ...subgraphs.env, KEYCLOAK_JWKS_URL: jwks.url, KEYCLOAK_ISSUER: ISSUER, CORS_ORIGINS: 'https://app.cycube.test', ...env },
  });
}

/** A token signed with the router's own key whose claims were changed afterwards (the signature no longer matches). */
function forgedToken(jwks) {
  const [header, , signature] = jwks.token().split('.');
  const [, elevated] = jwks.token({ realm_access: { roles: ['ROOT'] }, org_id: 'org-other' }).split('.');
  return `${header}.${elevated}.${signature}`;
}

/** The same claims with `alg: none` and no signature. */
function unsignedToken(jwks) {
  const [, payload] = jwks.token().split('.');
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid: 'test-key' })).toString('base64url');
  return `${header}.${payload}.`;
}

/** Sends one query over a graphql-transport-ws connection (connection_init with `payload`) and waits for its end. */
async function webSocketQuery(url, payload, query) {
  const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the query on the WebSocket did not end within 5 s')), 5000);
      const messages = [];
      ws.addEventListener('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload })));
      ws.addEventListener('message', (event) => {
        const message = JSON.parse(event.data);
        messages.push(message);
        if (message.type === 'connection_ack') ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        if (message.type === 'complete' || message.type === 'error') { clearTimeout(timer); resolve(messages); }
      });
      ws.addEventListener('close', (event) => { clearTimeout(timer); reject(new Error(`closed: ${event.code} ${event.reason}`)); });
      ws.addEventListener('error', () => {});
    });
  } finally {
    ws.close();
  }
}

/** Opens a graphql-transport-ws connection and returns the first server message after connection_init. */
async function firstWebSocketReply(url, payload) {
  const ws = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no reply on the WebSocket within 5 s')), 5000);
      ws.addEventListener('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload })));
      ws.addEventListener('message', (event) => { clearTimeout(timer); resolve({ message: JSON.parse(event.data) }); });
      ws.addEventListener('close', (event) => { clearTimeout(timer); resolve({ closed: { code: event.code, reason: event.reason } }); });
      ws.addEventListener('error', () => {});
    });
  } finally {
    ws.close();
  }
}

describe('local configuration (router.config.yaml)', () => {
  let router; let jwks; let subgraphs;
  const rootField = supergraph.rootField();

  before(async () => {
    jwks = await startJwks();
    subgraphs = await subgraphStubs(jwks);
    router = await startRouter({
      config: LOCAL_CONFIG,
      env: { ...subgraphs.env, KEYCLOAK_JWKS_URL: jwks.url, KEYCLOAK_ISSUER: ISSUER, LOG_LEVEL: 'info' },
    });
  });
  after(async () => {
    await router?.stop();
    await subgraphs?.close();
    await jwks?.close();
  });

  const requestsTo = (subgraph) => subgraphs.stubs[subgraph.name].requests;

  test('answers health and readiness probes', async () => {
    assert.equal((await fetch(`${router.url}/health`)).status, 200);
    assert.equal((await fetch(`${router.url}/readiness`)).status, 200);
  });

  test('serves the GraphQL IDE (Laboratory) to browsers at /graphql', async () => {
    const response = await fetch(router.graphql, { headers: { accept: 'text/html' } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /text\/html/);
    assert.match(await response.text(), /<html/i);
  });

  test('answers introspection', async () => {
    const { status, json } = await postGraphQL(router.graphql, { query: INTROSPECTION });
    assert.equal(status, 200);
    assert.equal(json.data.__schema.queryType.name, 'Query');
  });

  test('sends an anonymous request on to the subgraph without an Authorization header', async () => {
    const before = requestsTo(rootField.subgraph).length;
    await postGraphQL(router.graphql, { query: rootField.query });
    const received = requestsTo(rootField.subgraph).slice(before);
    assert.equal(received.length, 1);
    assert.equal(received[0].headers.authorization, undefined);
  });

  test('propagates the token, x-request-id and W3C trace context to the subgraph', async () => {
    const token = jwks.validToken();
    const requestId = randomRequestId();
    const before = requestsTo(rootField.subgraph).length;
    await postGraphQL(router.graphql, { query: rootField.query }, {
      authorization: `Bearer ${token}`, 'x-request-id': requestId, traceparent: TRACEPARENT, tracestate: 'cycube=1',
    });
    const [received] = requestsTo(rootField.subgraph).slice(before);
    assert.ok(received, 'the subgraph was called');
    assert.equal(received.headers.authorization, `Bearer ${token}`);
    assert.equal(received.headers['x-request-id'], requestId);
    assert.equal(received.headers.traceparent.split('-')[1], TRACEPARENT.split('-')[1], 'same trace id');
    assert.equal(received.headers.tracestate, 'cycube=1');
  });

  test('never passes a client-sent address (X-Forwarded-For, Forwarded, X-Real-IP) on to the subgraphs', async () => {
    const headers = await headersReceivedWithSpoofedAddress(router, subgraphs.stubs, rootField);
    for (const name of Object.keys(SPOOFED_CLIENT_ADDRESS)) assert.equal(headers[name], undefined, name);
    assert.ok(!JSON.stringify(headers).includes('203.0.113.66'), JSON.stringify(headers));
  });

  test('verifies a valid Keycloak token itself (no jwt warning in its log)', async () => {
    const warningsBefore = router.output.join('').split('jwt token error').length;
    await postGraphQL(router.graphql, { query: rootField.query }, { authorization: `Bearer ${jwks.validToken()}` });
    assert.equal(router.output.join('').split('jwt token error').length, warningsBefore);
  });

  // Hive Router 0.3.9 without require_authentication treats a token it cannot verify as "no token" and still
  // forwards the Authorization header; the subgraph's resource server then refuses it (401 + UNAUTHENTICATED),
  // which reaches the client. See router/README.md, "Authentication".
  const INVALID_TOKENS = [
    ['expired', () => jwks.token({ exp: Math.floor(Date.now() / 1000) - 120 })],
    ['for another audience', () => jwks.token({ aud: 'someone-else' })],
    ['from another issuer', () => jwks.token({ iss: 'http://evil.test/realms/cycube' })],
    ['signed with an unknown key', () => jwks.token({}, { key: jwks.foreignKey })],
    ['with a forged signature (claims changed after signing)', () => forgedToken(jwks)],
    ['with alg none (unsigned)', () => unsignedToken(jwks)],
    ['that is not a JWT', () => 'not-a-jwt'],
  ];
  for (const [why, token] of INVALID_TOKENS) {
    test(`answers a token ${why} with UNAUTHENTICATED and no data`, async () => {
      const warningsBefore = router.output.join('').split('jwt token error').length;
      const { json } = await postGraphQL(router.graphql, { query: rootField.query }, { authorization: `Bearer ${token()}` });
      assert.ok(json.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'), JSON.stringify(json));
      assert.ok(Object.values(json.data ?? {}).every((v) => v === null), JSON.stringify(json));
      assert.ok(!JSON.stringify(json).includes('JwtValidationException'), 'subgraph internals are masked');
      await new Promise((ok) => setTimeout(ok, 50));
      assert.ok(router.output.join('').split('jwt token error').length > warningsBefore, 'the router saw the bad token');
    });
  }

  // Known limit (docs/adr/0008): no Hive Router up to 0.3.10 can refuse a present-but-invalid token at the edge while
  // requests without a token are allowed (src/jwt/mod.rs, validate_headers: Ok(None) unless require_authentication).
  // When this fails, the router refuses such tokens itself: update router/README.md and ADR 8.
  test('still sends a token it cannot verify on to the subgraph, which refuses it (Hive Router limit, ADR 8)', async () => {
    const token = forgedToken(jwks);
    const before = requestsTo(rootField.subgraph).length;
    const { json } = await postGraphQL(router.graphql, { query: rootField.query }, { authorization: `Bearer ${token}` });
    const received = requestsTo(rootField.subgraph).slice(before);
    assert.equal(received.length, 1, 'the subgraph was called');
    assert.equal(received[0].headers.authorization, `Bearer ${token}`);
    assert.deepEqual(json.errors.map((e) => e.extensions?.code).sort(), ['SUBREQUEST_HTTP_ERROR', 'UNAUTHENTICATED'], JSON.stringify(json));
  });

  test('refuses a query deeper than 12 levels', async (t) => {
    const deep = supergraph.queryOfDepth(14);
    if (!deep) return t.skip('the schema has no path 14 fields deep: depth cannot be exceeded');
    const { json } = await postGraphQL(router.graphql, { query: deep });
    assert.equal(json.data, undefined);
    assert.match(json.errors[0].message, /depth/i);
  });

  test('never shows a client the query plan (query_planner.allow_expose stays off)', async () => {
    await assertNoQueryPlanExposed(router, subgraphs.stubs);
  });

  test('accepts a query within the depth limit', async () => {
    const { json } = await postGraphQL(router.graphql, { query: supergraph.queryOfDepth(2) ?? rootField.query });
    assert.ok(!json.errors?.some((e) => /depth/i.test(e.message)), JSON.stringify(json));
  });

  test('refuses more than 30 aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(' ');
    const { json } = await postGraphQL(router.graphql, { query: `{ ${aliases} }` });
    assert.equal(json.data, undefined);
    assert.match(json.errors[0].message, /alias/i);
  });

  test('refuses an operation of more than 2000 tokens', async () => {
    const fields = Array.from({ length: 2001 }, () => '__typename').join(' ');
    const { json } = await postGraphQL(router.graphql, { query: `{ ${fields} }` });
    assert.equal(json.data, undefined);
    assert.match(json.errors[0].message, /token/i);
  });

  test('allows CORS from the web console on any loopback port, and from nowhere else', async () => {
    const preflight = (origin) => fetch(router.graphql, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    // ./cycube up's console (and Vite's dev server), and the browser tests' console on a random port
    for (const origin of ['http://localhost:5173', 'http://localhost:41234', 'http://127.0.0.1:5173']) {
      assert.equal((await preflight(origin)).headers.get('access-control-allow-origin'), origin, origin);
    }
    for (const origin of ['http://evil.test', 'http://localhost.evil.test:5173', 'http://localhost:5173.evil.test',
      'https://localhost:5173', 'http://localhost', 'http://10.0.0.1:5173']) {
      const refused = await preflight(origin);
      assert.notEqual(refused.headers.get('access-control-allow-origin'), origin, origin);
      assert.equal(refused.headers.get('access-control-allow-credentials'), null, origin);
    }
  });

  test('exposes Prometheus metrics at /metrics', async () => {
    const response = await fetch(`${router.url}/metrics`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /^# (HELP|TYPE) /m);
  });

  test('accepts subscription WebSockets (graphql-transport-ws) with and without a token in connection_init', async () => {
    const anonymous = await firstWebSocketReply(router.graphql, {});
    assert.equal(anonymous.message?.type, 'connection_ack', JSON.stringify(anonymous));
    const withToken = await firstWebSocketReply(router.graphql, { Authorization: `Bearer ${jwks.validToken()}` });
    assert.equal(withToken.message?.type, 'connection_ack', JSON.stringify(withToken));
  });
});

describe('a subgraph that is down (router.config.yaml)', () => {
  let router; let jwks;
  before(async () => {
    jwks = await startJwks();
    const closedPort = await freePort();
    const env = Object.fromEntries(supergraph.graphs.map((g) => [`${g.name.toUpperCase()}_URL`, `http://127.0.0.1:${closedPort}/graphql`]));
    router = await startRouter({ config: LOCAL_CONFIG, env: { ...env, KEYCLOAK_JWKS_URL: jwks.url, KEYCLOAK_ISSUER: ISSUER } });
  });
  after(async () => {
    await router?.stop();
    await jwks?.close();
  });

  test('answers with a masked error naming no internal address', async () => {
    const { status, json, text } = await postGraphQL(router.graphql, { query: supergraph.rootField().query });
    assert.equal(status, 200);
    assert.ok(json.errors.length > 0);
    assert.doesNotMatch(text, /127\.0\.0\.1|localhost|tcp connect/i);
  });
});

describe('production configuration (router.config.prod.yaml)', () => {
  let router; let jwks; let subgraphs; let metricsPort;
  before(async () => {
    jwks = await startJwks();
    subgraphs = await subgraphStubs(jwks);
    metricsPort = await freePort();
    router = await startProdRouter({ jwks, subgraphs, metricsPort, env: { TELEMETRY_TRACING_SAMPLING_RATE: '0' } });
  });
  after(async () => {
    await router?.stop();
    await subgraphs?.close();
    await jwks?.close();
  });

  test('refuses introspection', async () => {
    const { json } = await postGraphQL(router.graphql, { query: INTROSPECTION });
    assert.equal(json.data, undefined);
    assert.equal(json.errors[0].extensions.code, 'INTROSPECTION_DISABLED');
  });

  test('serves no IDE', async () => {
    const response = await fetch(router.graphql, { headers: { accept: 'text/html' } });
    assert.doesNotMatch(await response.text(), /<html/i);
  });

  test('still answers queries and probes', async () => {
    assert.equal((await fetch(`${router.url}/health`)).status, 200);
    assert.equal((await fetch(`${router.url}/readiness`)).status, 200);
    const { json } = await postGraphQL(router.graphql, { query: '{ __typename }' });
    assert.equal(json.data.__typename, 'Query');
  });

  test('never shows a client the query plan (query_planner.allow_expose stays off)', async () => {
    await assertNoQueryPlanExposed(router, subgraphs.stubs);
  });

  test('serves Prometheus metrics on the internal metrics port only, never on the public port', async () => {
    // 0.3.9 answers any path it does not serve with its HTML landing page (200), so look at what comes back
    const publicMetrics = await fetch(`${router.url}/metrics`);
    assert.doesNotMatch(publicMetrics.headers.get('content-type') ?? '', /text\/plain/);
    assert.doesNotMatch(await publicMetrics.text(), /^# (HELP|TYPE) /m);
    const internal = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    assert.equal(internal.status, 200);
    assert.match(await internal.text(), /^# (HELP|TYPE) /m);
  });

  test('serves nothing but metrics on the metrics port', async () => {
    const { status } = await postGraphQL(`http://127.0.0.1:${metricsPort}/graphql`, { query: '{ __typename }' });
    assert.equal(status, 404);
  });

  test('passes the X-Forwarded-For the ingress wrote on to the subgraphs, and never Forwarded, X-Real-IP or X-Client-IP', async () => {
    const rootField = supergraph.rootField();
    const requests = subgraphs.stubs[rootField.subgraph.name].requests;
    const before = requests.length;
    // what ingress-nginx sends: the address it accepted the connection from (a client's own values dropped)
    await postGraphQL(router.graphql, { query: rootField.query }, { ...SPOOFED_CLIENT_ADDRESS, 'x-forwarded-for': '192.0.2.44' });
    const [received] = requests.slice(before);
    assert.ok(received, 'the subgraph was called');
    assert.equal(received.headers['x-forwarded-for'], '192.0.2.44', 'as the ingress wrote it, nothing added');
    for (const name of ['forwarded', 'x-real-ip', 'x-client-ip']) assert.equal(received.headers[name], undefined, name);
    assert.ok(!JSON.stringify(received.headers).includes('203.0.113.66'), JSON.stringify(received.headers));
  });

  test('over a WebSocket takes an operation\'s X-Forwarded-For from the client\'s connection_init (0.3.9 limit, router/README.md)', async () => {
    const rootField = supergraph.rootField();
    const requests = subgraphs.stubs[rootField.subgraph.name].requests;
    const before = requests.length;
    await webSocketQuery(router.graphql, { 'x-forwarded-for': '203.0.113.66' }, rootField.query);
    const [received] = requests.slice(before);
    assert.ok(received, 'the subgraph was called over HTTP for the query sent on the WebSocket');
    // a known weakness, pinned so that a router version that changes it is noticed: the subgraphs cannot tell this
    // value from the ingress's, so the address audited for operations sent over a WebSocket is the client's claim
    assert.equal(received.headers['x-forwarded-for'], '203.0.113.66');
  });

  test('allows CORS only from the configured origins', async () => {
    const preflight = (origin) => fetch(router.graphql, {
      method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' },
    });
    assert.equal((await preflight('https://app.cycube.test')).headers.get('access-control-allow-origin'), 'https://app.cycube.test');
    assert.notEqual((await preflight('http://localhost:5173')).headers.get('access-control-allow-origin'), 'http://localhost:5173');
  });

  test('compose.yaml publishes the router\'s GraphQL port only, never its metrics port', () => {
    const ports = composeServicePorts('router');
    assert.deepEqual(ports, ['4000:4000']);
    assert.ok(!ports.some((p) => p.includes(String(PROD_METRICS_PORT))), JSON.stringify(ports));
  });

  test('does not start without its required environment', async () => {
    await assert.rejects(startRouter({ config: PROD_CONFIG, env: {} }), /missing configuration field/);
  });
});

describe('production tracing (router.config.prod.yaml)', () => {
  // The ratio sampler decides on the trace id: it keeps a trace when the low 64 bits of the id, shifted right by one,
  // are below ratio x 2^63. At a ratio of 0.001 a trace id ending in ffff... is always dropped, one ending in 000...1
  // always kept — whatever the client's traceparent flag says.
  const DROPPED_BY_RATIO = '4bf92f3577b34da6ffffffffffffffff';
  const KEPT_BY_RATIO = '4bf92f3577b34da60000000000000001';
  let router; let jwks; let subgraphs; let collector;
  before(async () => {
    jwks = await startJwks();
    subgraphs = await subgraphStubs(jwks);
    collector = await startTraceCollector();
    router = await startProdRouter({
      jwks, subgraphs, metricsPort: await freePort(),
      env: { TELEMETRY_TRACING_SAMPLING_RATE: '0.001', OTEL_EXPORTER_OTLP_ENDPOINT: collector.url },
    });
  });
  after(async () => {
    await router?.stop();
    await subgraphs?.close();
    await collector?.close();
    await jwks?.close();
  });

  test('samples by its own ratio: a client can neither force a trace with the sampled flag nor suppress one', async () => {
    const { query } = supergraph.rootField();
    await postGraphQL(router.graphql, { query }, { traceparent: `00-${DROPPED_BY_RATIO}-00f067aa0ba902b7-01` });
    await postGraphQL(router.graphql, { query }, { traceparent: `00-${KEPT_BY_RATIO}-00f067aa0ba902b7-00` });
    await router.stop(); // flushes the spans still batched

    assert.ok(collector.hasTrace(KEPT_BY_RATIO), 'the router keeps the trace its own ratio selects (and exports it)');
    assert.ok(!collector.hasTrace(DROPPED_BY_RATIO), 'a sampled flag from the client does not force a trace');
  });
});
