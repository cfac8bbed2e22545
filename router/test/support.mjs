// Test support for the router configuration tests: the real Hive Router binary, started with our config files,
// in front of stub subgraphs that record what they receive, and a local JWKS that signs test tokens.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';

export const ROUTER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = resolve(ROUTER_DIR, '..');
export const LOCAL_CONFIG = join(ROUTER_DIR, 'router.config.yaml');
export const PROD_CONFIG = join(ROUTER_DIR, 'router.config.prod.yaml');
/** The composed supergraph (schema/), or another one for trying the configs against fixtures. */
export const SUPERGRAPH = resolve(process.env.ROUTER_TEST_SUPERGRAPH ?? join(REPO_ROOT, 'schema', 'supergraph.graphql'));
export const ISSUER = 'http://keycloak.test/realms/cycube';
export const AUDIENCE = 'cycube-api';

export function routerBinary() {
  return execFileSync(join(ROUTER_DIR, 'bin', 'ensure-router'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/** The Prometheus port fixed in router.config.prod.yaml (0.3.9 cannot read it from the environment). */
export const PROD_METRICS_PORT = 9090;

/**
 * router.config.prod.yaml as it is, except for its metrics port (fixed in the file, so two test runs on one machine
 * would collide): a copy in a temporary folder (the production config has no relative paths).
 */
export function prodConfigWithMetricsPort(port) {
  const text = readFileSync(PROD_CONFIG, 'utf8');
  const fixed = `port: ${PROD_METRICS_PORT}`;
  if (text.split(fixed).length !== 2) throw new Error(`${PROD_CONFIG} should set the metrics port once (${fixed})`);
  const copy = join(mkdtempSync(join(tmpdir(), 'cycube-router-')), 'router.config.prod.yaml');
  writeFileSync(copy, text.replace(fixed, `port: ${port}`));
  return copy;
}

/**
 * The `ports` a service of compose.yaml publishes, read from the file's text (no YAML library here): the list items
 * under `ports:` in the service's block (two-space-indented service names, four-space-indented keys).
 */
export function composeServicePorts(service) {
  const lines = readFileSync(join(REPO_ROOT, 'compose.yaml'), 'utf8').split('\n');
  const start = lines.indexOf(`  ${service}:`);
  if (start < 0) throw new Error(`compose.yaml has no service ${service}`);
  const end = lines.findIndex((line, i) => i > start && /^ {0,2}\S/.test(line));
  const block = lines.slice(start + 1, end < 0 ? lines.length : end);
  const at = block.indexOf('    ports:');
  if (at < 0) return [];
  const ports = [];
  for (const line of block.slice(at + 1)) {
    const item = line.match(/^ {6}- ["']?([^"'#]+?)["']?\s*(#.*)?$/);
    if (!item) break;
    ports.push(item[1]);
  }
  return ports;
}

export async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

async function listen(handler) {
  const server = createServer(handler);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

/**
 * A subgraph stand-in: records each request (headers, body) and answers with null data. Like a DGS subgraph with
 * the shared support library, it answers a bearer token it does not accept (acceptsToken) with HTTP 401 and a
 * GraphQL error coded UNAUTHENTICATED.
 */
export async function startStubSubgraph(name, { acceptsToken = () => true } = {}) {
  const requests = [];
  const stub = await listen((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      requests.push({ headers: req.headers, body: body ? JSON.parse(body) : null });
      const bearer = req.headers.authorization?.replace(/^Bearer\s+/i, '');
      if (bearer !== undefined && !acceptsToken(bearer)) {
        res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' });
        res.end(JSON.stringify({ errors: [{ message: 'The access token is invalid or expired', extensions: { code: 'UNAUTHENTICATED', exception: 'JwtValidationException' } }] }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: null }));
    });
  });
  return { name, ...stub, url: `${stub.url}/graphql`, requests };
}

/**
 * An OTLP/HTTP trace collector stand-in: keeps the body of every export. `hasTrace(traceId)` tells whether a span of
 * that trace (32 hex digits) arrived, whether the exporter sent protobuf (raw id bytes) or JSON (hex id).
 */
export async function startTraceCollector() {
  const exports = [];
  const collector = await listen((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      exports.push(Buffer.concat(chunks));
      res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/x-protobuf' });
      res.end();
    });
  });
  const hasTrace = (traceId) => exports.some((body) => body.includes(Buffer.from(traceId, 'hex')) || body.includes(traceId));
  return { ...collector, url: `${collector.url}/v1/traces`, exports, hasTrace };
}

/** An RSA key pair published as a JWKS, and a signer for Keycloak-like access tokens. */
export async function startJwks() {
  const kid = 'test-key';
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const server = await listen((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const token = (claims = {}, { key = privateKey } = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      iss: ISSUER, aud: AUDIENCE, sub: '00000000-0000-4000-8000-000000000012', iat: now, exp: now + 300,
      org_id: 'org-acme', realm_access: { roles: ['TRAINEE'] }, ...claims,
    };
    const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(payload)}`;
    return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
  };
  const foreignKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  // what a subgraph's resource server would accept: the tokens minted here with the defaults
  const valid = new Set();
  const validToken = () => { const t = token(); valid.add(t); return t; };
  return { ...server, url: `${server.url}/certs`, token, validToken, isValid: (t) => valid.has(t), foreignKey };
}

/**
 * Starts the router binary with a config file and environment, on a free port, and waits until /readiness
 * answers 200 (the supergraph is loaded). Returns its URL, its output so far, and stop().
 */
export async function startRouter({ config, env = {} }) {
  const port = await freePort();
  const output = [];
  const child = spawn(routerBinary(), [], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH,
      ROUTER_CONFIG_FILE_PATH: config,
      ROUTER_PORT: String(port),
      SUPERGRAPH_PATH: SUPERGRAPH,
      LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk) => output.push(chunk.toString()));
  const exited = new Promise((ok) => child.on('exit', (code) => ok(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`router exited with ${child.exitCode}:\n${output.join('')}`);
    try {
      if ((await fetch(`${url}/readiness`)).status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`router not ready after 20 s:\n${output.join('')}`);
    }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return { url, graphql: `${url}/graphql`, output, stop };
}

export async function postGraphQL(url, body, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: response.status, headers: response.headers, json, text };
}

/** What the supergraph offers, read with graphql-js so the tests follow the schema rather than hard-code it. */
export function describeSupergraph(path = SUPERGRAPH) {
  if (!existsSync(path)) throw new Error(`${path} does not exist: compose the schema first (npm --prefix schema run compose)`);
  const document = parse(readFileSync(path, 'utf8'));
  const objects = new Map(
    document.definitions
      .filter((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const graphs = document.definitions
    .find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph')
    .values.map((v) => {
      const args = Object.fromEntries(v.directives.find((d) => d.name.value === 'join__graph').arguments.map((a) => [a.name.value, a.value.value]));
      return { enumValue: v.name.value, name: args.name, url: args.url };
    });
  const namedType = (type) => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
  const callable = (field) => !(field.arguments ?? []).some((a) => a.type.kind === Kind.NON_NULL_TYPE && !a.defaultValue);
  const hidden = (node) => node.directives?.some((d) => d.name.value === 'inaccessible');
  const ownerOf = (field) => {
    const joinField = field.directives?.find((d) => d.name.value === 'join__field');
    const graph = joinField?.arguments.find((a) => a.name.value === 'graph')?.value.value;
    return graphs.find((g) => g.enumValue === graph);
  };
  const selectionFor = (field) => (objects.has(namedType(field.type)) ? `${field.name.value} { __typename }` : field.name.value);

  /** A root query field without required arguments, with the subgraph that resolves it. */
  const rootField = (subgraph) => {
    const field = objects.get('Query').fields.find((f) => callable(f) && !hidden(f) && ownerOf(f) && (!subgraph || ownerOf(f).name === subgraph));
    return field && { query: `{ ${selectionFor(field)} }`, subgraph: ownerOf(field) };
  };

  /** A valid query nested `depth` fields deep (following a cycle of object fields), or undefined if the schema has none. */
  const queryOfDepth = (depth) => {
    const walk = (typeName, remaining, seen) => {
      const type = objects.get(typeName);
      if (!type || remaining === 0) return undefined;
      for (const field of type.fields ?? []) {
        if (!callable(field) || hidden(field) || field.name.value.startsWith('_')) continue;
        const next = namedType(field.type);
        if (!objects.has(next)) continue;
        if (remaining === 1) return `${field.name.value} { __typename }`;
        const key = `${next}:${remaining}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const inner = walk(next, remaining - 1, seen);
        if (inner) return `${field.name.value} { ${inner} }`;
      }
      return undefined;
    };
    const selection = walk('Query', depth, new Set());
    return selection && `{ ${selection} }`;
  };
  return { graphs, rootField, queryOfDepth };
}

export const randomRequestId = () => randomUUID();
