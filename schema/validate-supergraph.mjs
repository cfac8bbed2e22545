#!/usr/bin/env node
// A second, independent check of supergraph.graphql - it does not use the composition library:
//  1. the join__Graph enum names exactly the subgraphs of subgraphs.json with their routing URLs;
//  2. stripping the core-schema machinery by hand (every feature that a schema @link brings in - join__*, link__*,
//     @inaccessible elements, ...) leaves a schema that graphql-js builds and validates;
//  3. that schema is the committed api.graphql (same types, fields, arguments and descriptions).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { Kind, buildASTSchema, parse, validateSchema, visit } from 'graphql';
import {
  API_FILE, REPO_ROOT, SUPERGRAPH_FILE, UserError, printApiSchema, readSubgraphList, run,
} from './lib/subgraphs.mjs';

const stringArg = (directive, name) =>
  directive.arguments?.find((a) => a.name.value === name && a.value.kind === Kind.STRING)?.value.value;

/** Names a @link'ed spec contributes: its namespace prefix, its own directive and its imports (with aliases). */
function linkedNames(schemaDefs) {
  const prefixes = new Set();
  const names = new Set();
  for (const def of schemaDefs) {
    for (const link of (def.directives ?? []).filter((d) => d.name.value === 'link')) {
      const url = stringArg(link, 'url');
      const specName = stringArg(link, 'as') ?? url.replace(/\/v\d+(\.\d+)*\/?$/, '').split('/').pop();
      prefixes.add(`${specName}__`);
      names.add(specName);
      const imports = link.arguments?.find((a) => a.name.value === 'import')?.value;
      for (const item of imports?.kind === Kind.LIST ? imports.values : []) {
        if (item.kind === Kind.STRING) names.add(item.value.replace(/^@/, ''));
        if (item.kind === Kind.OBJECT) {
          const field = (n) => item.fields.find((f) => f.name.value === n)?.value.value;
          names.add((field('as') ?? field('name')).replace(/^@/, ''));
        }
      }
    }
  }
  return { isLinked: (name) => names.has(name) || [...prefixes].some((p) => name.startsWith(p)), inaccessible: names.has('inaccessible') };
}

function checkJoinGraphs(document) {
  const joinGraph = document.definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph');
  if (!joinGraph) throw new UserError('supergraph.graphql has no join__Graph enum: it is not a federation supergraph');
  const actual = joinGraph.values
    .map((v) => v.directives.find((d) => d.name.value === 'join__graph'))
    .map((d) => `${stringArg(d, 'name')} ${stringArg(d, 'url')}`)
    .sort();
  const expected = readSubgraphList().map((s) => `${s.name} ${s.url}`).sort();
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new UserError(`supergraph.graphql routes to\n  ${actual.join('\n  ')}\nbut subgraphs.json lists\n  ${expected.join('\n  ')}`);
  }
  return actual.length;
}

function stripCoreFeatures(document) {
  const { isLinked, inaccessible } = linkedNames(
    document.definitions.filter((d) => d.kind === Kind.SCHEMA_DEFINITION || d.kind === Kind.SCHEMA_EXTENSION),
  );
  const isHidden = (node) => inaccessible && node.directives?.some((d) => d.name.value === 'inaccessible');
  return visit(document, {
    enter(node) {
      if (node.kind === Kind.DIRECTIVE) return isLinked(node.name.value) ? null : undefined;
      if (node.kind === Kind.DIRECTIVE_DEFINITION) return isLinked(node.name.value) ? null : undefined;
      if (node.kind === Kind.SCHEMA_DEFINITION) {
        // the default root type names need no schema definition; keep it only when it says something else
        const defaults = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };
        const plain = node.operationTypes.every((t) => defaults[t.operation] === t.type.name.value);
        return plain ? null : { ...node, directives: [] };
      }
      // a linked name (link__Purpose, join__Graph, an imported FieldSet) is a type or a directive: a field, argument or
      // enum value that happens to be called `link` or `key` is the API's own
      const member = node.kind === Kind.FIELD_DEFINITION || node.kind === Kind.INPUT_VALUE_DEFINITION
        || node.kind === Kind.ENUM_VALUE_DEFINITION;
      if ('name' in node && node.name && node.kind.endsWith('Definition') && !member
        && (isLinked(node.name.value) || isHidden(node))) {
        return null;
      }
      if ((node.kind === Kind.FIELD_DEFINITION || node.kind === Kind.ENUM_VALUE_DEFINITION
        || node.kind === Kind.INPUT_VALUE_DEFINITION) && isHidden(node)) return null;
      if (node.kind === Kind.NAMED_TYPE && isLinked(node.name.value)) {
        throw new UserError(`a public element refers to the federation-internal type ${node.name.value}`);
      }
      return undefined;
    },
  });
}

run(() => {
  const supergraphFile = relative(REPO_ROOT, SUPERGRAPH_FILE);
  const document = parse(readFileSync(SUPERGRAPH_FILE, 'utf8'));
  const graphs = checkJoinGraphs(document);

  const apiDocument = stripCoreFeatures(document);
  const schema = buildASTSchema(apiDocument, { assumeValid: false });
  const errors = validateSchema(schema);
  if (errors.length > 0) {
    throw new UserError(`${supergraphFile} without its federation machinery is not a valid schema:\n  ${errors.map(String).join('\n  ')}`);
  }
  const rebuilt = printApiSchema(apiDocument);
  const committed = readFileSync(API_FILE, 'utf8').replace(/^(#.*\n)+/, '');
  if (rebuilt !== committed) {
    throw new UserError(
      `the API schema derived from ${supergraphFile} differs from ${relative(REPO_ROOT, API_FILE)}.\n` +
        'Run `npm --prefix schema run compose`; if it persists, the composition library and this check disagree - investigate.',
    );
  }
  console.log(`${supergraphFile} is a valid supergraph: ${graphs} subgraphs, its API schema equals api.graphql`);
});
