// Query-plan guard: for every operation the frontend sends (client-codegen/operations/*.graphql), the number of
// subgraph fetches and of sequential steps in Hive Router's query plan, against router/test/query-plans.json.
// A schema change that adds a hop (or removes one) fails here until the expectations are rewritten on purpose:
//   UPDATE_QUERY_PLANS=1 npm --prefix router test
// Run alone: cd router && node --experimental-websocket --test test/query-plans.test.mjs
//
// The plans come from the real router binary with router.config.prod.yaml plus `query_planner.allow_expose: true`
// (this test's copy only; the checked-in configs never allow it) and the request header
// `hive-expose-query-plan: dry-run`: the router plans the operation and answers with `extensions.queryPlan` without
// executing it (hive-router 0.3.9 src/pipeline/execution.rs, execute_plan). The stub subgraphs must see no request.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kind, buildSchema, isEnumType, isInputObjectType, isListType, isNonNullType, parse, print, typeFromAST, visit,
} from 'graphql';
import {
  ISSUER, REPO_ROOT, ROUTER_DIR, describeSupergraph, freePort, postGraphQL, prodConfigWithMetricsPort, startRouter,
  startStubSubgraph,
} from './support.mjs';

const OPERATIONS_DIR = join(REPO_ROOT, 'client-codegen', 'operations');
const EXPECTATIONS = join(ROUTER_DIR, 'test', 'query-plans.json');
const UPDATE = process.env.UPDATE_QUERY_PLANS === '1';
const HOW_TO_UPDATE = 'If the change is deliberate, rewrite the expectations with `UPDATE_QUERY_PLANS=1 npm --prefix router test` '
  + '(or only this test: `cd router && UPDATE_QUERY_PLANS=1 node --experimental-websocket --test test/query-plans.test.mjs`), '
  + 'review the diff of router/test/query-plans.json and commit it with the change.';

/**
 * Every operation of the frontend, as the code generator sees them: all files parsed as one document (an operation
 * may spread another file's fragment). Each comes with the fragments it uses, transitively, as a client sends it.
 */
function frontendOperations() {
  const files = readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith('.graphql')).sort();
  const all = parse(files.map((f) => readFileSync(join(OPERATIONS_DIR, f), 'utf8')).join('\n'));
  const fragments = new Map(all.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const spreadsOf = (node) => {
    const names = [];
    visit(node, { FragmentSpread: (spread) => { names.push(spread.name.value); } });
    return names;
  };
  const operations = [];
  for (const file of files) {
    for (const definition of parse(readFileSync(join(OPERATIONS_DIR, file), 'utf8')).definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      if (!definition.name) throw new Error(`${file}: an operation without a name`);
      const used = new Set();
      const pending = spreadsOf(definition);
      while (pending.length > 0) {
        const name = pending.pop();
        if (used.has(name)) continue;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`${file}: ${definition.name.value} spreads the unknown fragment ${name}`);
        used.add(name);
        pending.push(...spreadsOf(fragment));
      }
      const document = [definition, ...[...fragments.values()].filter((f) => used.has(f.name.value))];
      operations.push({ name: definition.name.value, file, kind: definition.operation, definition, query: document.map(print).join('\n\n') });
    }
  }
  const names = operations.map((o) => o.name);
  const duplicates = names.filter((n, i) => names.indexOf(n) !== i);
  if (duplicates.length > 0) throw new Error(`operation names must be unique (they key the expectations): ${duplicates.join(', ')}`);
  return operations;
}

/**
 * Values for the variables the router requires (non-null, no default), derived from their types in the client API
 * (schema/api.graphql): the router coerces variables before it plans. The plan does not depend on the values (they
 * would only pick a branch of a Condition node at execution). Nullable variables are left out.
 */
function placeholderVariables(schema, definition) {
  const placeholder = (type) => {
    if (isNonNullType(type)) return placeholder(type.ofType);
    if (isListType(type)) return [];
    if (isInputObjectType(type)) {
      return Object.fromEntries(Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, placeholder(f.type)]));
    }
    if (isEnumType(type)) return type.getValues()[0].value;
    switch (type.name) {
      case 'Int': case 'Float': return 1;
      case 'Boolean': return false;
      default: return 'x';
    }
  };
  const variables = {};
  for (const variable of definition.variableDefinitions ?? []) {
    if (variable.type.kind !== Kind.NON_NULL_TYPE || variable.defaultValue) continue;
    const type = typeFromAST(schema, variable.type);
    if (!type) throw new Error(`variable $${variable.variable.name.value}: unknown type ${print(variable.type)}`);
    variables[variable.variable.name.value] = placeholder(type);
  }
  return variables;
}

/**
 * What a plan costs in round trips, read from Hive Router's plan nodes (hive-router 0.3.9
 * src/query_planner/planner/plan_nodes/mod.rs, enum PlanNode, serialized with `kind`; executed by
 * src/executor/execution/plan.rs: a Sequence runs its nodes one after another, a Parallel at once, a Condition one
 * of its clauses, a Flatten its Fetch for the entities at its path, a Subscription its primary fetch then the rest of
 * the sequence per event).
 *   fetches:   the subgraph requests of one execution (Fetch, BatchFetch and a Subscription's primary count one each;
 *              a Condition counts its larger clause)
 *   steps:     the longest chain of fetches that wait for one another (Sequence adds up, Parallel and Condition take
 *              the longest)
 *   subgraphs: the subgraph of each fetch, in plan order (the nodes of a Parallel sorted by their shape, so the order
 *              the planner lists them in does not matter)
 *   plan:      the shape: `a → b` runs b after a, `(a ∥ b)` at once
 */
function summarizePlan(node, nested = false) {
  if (!node) return { fetches: 0, steps: 0, subgraphs: [], plan: '(no fetch)' };
  switch (node.kind) {
    case 'Fetch':
      return { fetches: 1, steps: 1, subgraphs: [node.serviceName], plan: node.serviceName };
    case 'BatchFetch':
      return { fetches: 1, steps: 1, subgraphs: [node.serviceName], plan: `${node.serviceName}[batch]` };
    case 'Flatten':
      return summarizePlan(node.node, nested);
    case 'Subscription':
      return { fetches: 1, steps: 1, subgraphs: [node.primary.serviceName], plan: `${node.primary.serviceName}[subscription]` };
    case 'Sequence': {
      const parts = node.nodes.map((n) => summarizePlan(n, true));
      const plan = parts.map((p) => p.plan).join(' → ');
      return {
        fetches: parts.reduce((sum, p) => sum + p.fetches, 0),
        steps: parts.reduce((sum, p) => sum + p.steps, 0),
        subgraphs: parts.flatMap((p) => p.subgraphs),
        plan: nested && parts.length > 1 ? `(${plan})` : plan,
      };
    }
    case 'Parallel': {
      const parts = node.nodes.map((n) => summarizePlan(n, true)).sort((a, b) => (a.plan < b.plan ? -1 : a.plan > b.plan ? 1 : 0));
      const plan = parts.map((p) => p.plan).join(' ∥ ');
      return {
        fetches: parts.reduce((sum, p) => sum + p.fetches, 0),
        steps: Math.max(0, ...parts.map((p) => p.steps)),
        subgraphs: parts.flatMap((p) => p.subgraphs),
        plan: nested && parts.length > 1 ? `(${plan})` : plan,
      };
    }
    case 'Condition': {
      const yes = summarizePlan(node.ifClause, true);
      const no = summarizePlan(node.elseClause, true);
      return {
        fetches: Math.max(yes.fetches, no.fetches),
        steps: Math.max(yes.steps, no.steps),
        subgraphs: [...yes.subgraphs, ...no.subgraphs],
        plan: `if $${node.condition} ${yes.plan}${node.elseClause ? ` else ${no.plan}` : ''}`,
      };
    }
    default:
      // Defer, or a node kind a later router version adds: count it deliberately rather than guess
      throw new Error(`summarizePlan does not know plan nodes of kind ${node.kind}: teach it (router/test/query-plans.test.mjs)`);
  }
}

const describeExpectation = (e) => `${e.fetches} fetch(es) in ${e.steps} step(s): ${e.plan}`;

function mismatchMessage(operation, expected, actual) {
  if (!expected) {
    return `${operation.name} (${operation.file}) has no expected query plan in router/test/query-plans.json; `
      + `its plan is ${describeExpectation(actual)}.\n${HOW_TO_UPDATE}`;
  }
  const change = [];
  const diff = (what, by) => {
    if (by > 0) change.push(`${by} more ${what}`);
    if (by < 0) change.push(`${-by} fewer ${what}`);
  };
  diff('fetch(es)', actual.fetches - expected.fetches);
  diff('sequential step(s)', actual.steps - expected.steps);
  const fewer = actual.fetches < expected.fetches || actual.steps < expected.steps;
  const what = change.length > 0 ? change.join(', ') : 'the same counts, but another shape, subgraph order, file or kind';
  return `${operation.name} (${operation.file}): the router's query plan changed: ${what}\n`
    + `  expected: ${describeExpectation(expected)}\n`
    + `  actual:   ${describeExpectation(actual)}\n`
    + `${fewer ? 'Fewer than expected fails too, so that the file stays true. ' : ''}${HOW_TO_UPDATE}`;
}

function readExpectations() {
  try {
    return JSON.parse(readFileSync(EXPECTATIONS, 'utf8')).operations ?? {};
  } catch (error) {
    if (error.code === 'ENOENT') return {};
    throw error;
  }
}

/** router.config.prod.yaml (metrics on a free port) with `query_planner.allow_expose: true` added: this test's copy. */
async function configExposingPlans() {
  const copy = prodConfigWithMetricsPort(await freePort());
  const text = readFileSync(copy, 'utf8');
  if (/^query_planner:/m.test(text)) {
    throw new Error('router.config.prod.yaml has a query_planner section: merge allow_expose into it here instead of appending one');
  }
  writeFileSync(copy, `${text}\n# added by router/test/query-plans.test.mjs (never in the checked-in configs)\nquery_planner:\n  allow_expose: true\n`);
  return copy;
}

describe('query plans of the frontend operations (router/test/query-plans.json)', () => {
  const supergraph = describeSupergraph();
  const api = buildSchema(readFileSync(join(REPO_ROOT, 'schema', 'api.graphql'), 'utf8'));
  const operations = frontendOperations();
  const expected = readExpectations();
  const actual = {};
  let router; let stubs;

  before(async () => {
    stubs = await Promise.all(supergraph.graphs.map((g) => startStubSubgraph(g.name)));
    router = await startRouter({
      config: await configExposingPlans(),
      env: {
        ...Object.fromEntries(stubs.map((s) => [`${s.name.toUpperCase()}_URL`, s.url])),
        // never fetched: no request here carries a token
        KEYCLOAK_JWKS_URL: 'http://127.0.0.1:9/certs',
        KEYCLOAK_ISSUER: ISSUER,
        CORS_ORIGINS: 'https://app.cycube.test',
      },
    });
  });

  after(async () => {
    await router?.stop();
    await Promise.all((stubs ?? []).map((s) => s.close()));
    if (UPDATE && Object.keys(actual).length === operations.length) {
      // one line per operation, in file order, so a changed plan is a one-line diff
      const lines = operations.map((o) => `    ${JSON.stringify(o.name)}: ${JSON.stringify(actual[o.name])}`);
      const note = 'Hive Router query plans of client-codegen/operations, checked by router/test/query-plans.test.mjs. '
        + 'Do not edit by hand: UPDATE_QUERY_PLANS=1 npm --prefix router test rewrites it (router/README.md, "Query-plan guard").';
      writeFileSync(EXPECTATIONS, `{\n  "//": ${JSON.stringify(note)},\n  "operations": {\n${lines.join(',\n')}\n  }\n}\n`);
      console.log(`rewrote ${EXPECTATIONS} (${operations.length} operations)`);
    } else if (UPDATE) {
      console.log(`did NOT rewrite ${EXPECTATIONS}: only ${Object.keys(actual).length} of ${operations.length} operations were planned`);
    }
  });

  for (const operation of operations) {
    test(`${operation.name} (${operation.file})`, async () => {
      const subscription = operation.kind === 'subscription';
      const { status, json, text } = await postGraphQL(
        router.graphql,
        { query: operation.query, operationName: operation.name, variables: placeholderVariables(api, operation.definition) },
        {
          'hive-expose-query-plan': 'dry-run',
          // a subscription is refused unless the client accepts a stream; the dry run still answers with one body
          ...(subscription ? { accept: 'application/graphql-response+json, text/event-stream' } : {}),
        },
      );
      assert.equal(status, 200, `${operation.name}: the router did not plan it: ${text}`);
      assert.equal(json?.errors, undefined, `${operation.name}: ${text}`);
      assert.equal(json?.extensions?.queryPlan?.kind, 'QueryPlan', `${operation.name}: no extensions.queryPlan in ${text}`);
      const summary = { file: operation.file, kind: operation.kind, ...summarizePlan(json.extensions.queryPlan.node) };
      actual[operation.name] = summary;
      if (UPDATE) return;
      assert.deepEqual(summary, expected[operation.name], mismatchMessage(operation, expected[operation.name], summary));
    });
  }

  test('every expectation belongs to an operation that still exists', { skip: UPDATE && 'rewriting the expectations' }, () => {
    const stale = Object.keys(expected).filter((name) => !operations.some((o) => o.name === name));
    assert.deepEqual(stale, [], `router/test/query-plans.json lists operations that client-codegen/operations no longer has: ${stale.join(', ')}.\n${HOW_TO_UPDATE}`);
  });

  test('the dry runs executed nothing: no subgraph received a request', () => {
    const called = stubs.filter((s) => s.requests.length > 0).map((s) => `${s.name} (${s.requests.length})`);
    assert.deepEqual(called, []);
  });
});
