#!/usr/bin/env node
// One subgraph down must degrade only its own fields. The router answers a field another subgraph adds to an entity
// (User.enrollments from training on identity's User) with a separate request; when that request fails the field is
// null with an error. A non-null field cannot be null, so GraphQL nulls its parent instead — `me` and everything
// identity answered would be lost with it. This check fails when such a field is non-null.
//
// An entity is owned by the subgraph that defines most of its fields (identity's User, catalog's Course and Cube);
// every other subgraph that defines the entity only adds fields to it, and those must be nullable. List elements may
// stay non-null ([Enrollment!]): only the field itself can fail on its own.
import { Kind } from 'graphql';
import { UserError, loadSubgraph, readSubgraphList, run } from './lib/subgraphs.mjs';

const OBJECT_KINDS = new Set([Kind.OBJECT_TYPE_DEFINITION, Kind.OBJECT_TYPE_EXTENSION]);

/** type name → Map(field name → field node) of one subgraph's entities (object types with @key). */
function entitiesOf(typeDefs) {
  const fields = new Map();
  const keyed = new Set();
  for (const def of typeDefs.definitions.filter((d) => OBJECT_KINDS.has(d.kind))) {
    if (def.directives?.some((d) => d.name.value === 'key')) keyed.add(def.name.value);
    const byName = fields.get(def.name.value) ?? new Map();
    for (const field of def.fields ?? []) byName.set(field.name.value, field);
    fields.set(def.name.value, byName);
  }
  return new Map([...fields].filter(([type]) => keyed.has(type)));
}

/** The entity's owner: the subgraph that defines the most fields; a tie cannot be decided and is reported. */
function ownerOf(type, definitions) {
  const ranked = [...definitions].sort(([, a], [, b]) => b.size - a.size);
  if (ranked.length > 1 && ranked[0][1].size === ranked[1][1].size) {
    throw new UserError(`entity ${type}: ${ranked[0][0]} and ${ranked[1][0]} define as many fields (${ranked[0][1].size}); ` +
      'the owner must define more fields than any subgraph that only adds to it');
  }
  return ranked[0][0];
}

function nonNullFieldsAddedToOthersEntities(subgraphs) {
  const byType = new Map(); // type → Map(subgraph → fields)
  for (const { name, typeDefs } of subgraphs) {
    for (const [type, fields] of entitiesOf(typeDefs)) {
      byType.set(type, (byType.get(type) ?? new Map()).set(name, fields));
    }
  }
  const problems = [];
  for (const [type, definitions] of byType) {
    if (definitions.size < 2) continue;
    const owner = ownerOf(type, definitions);
    const ownFields = definitions.get(owner);
    for (const [subgraph, fields] of definitions) {
      if (subgraph === owner) continue;
      for (const [name, field] of fields) {
        if (!ownFields.has(name) && field.type.kind === Kind.NON_NULL_TYPE) {
          problems.push(`${type}.${name} (added by ${subgraph} to ${owner}'s ${type})`);
        }
      }
    }
  }
  return problems.sort();
}

run(() => {
  const problems = nonNullFieldsAddedToOthersEntities(readSubgraphList().map(loadSubgraph));
  if (problems.length > 0) {
    throw new UserError(
      `${problems.length} field(s) added to another subgraph's entity are non-null:\n  ${problems.join('\n  ')}\n\n` +
        'When the adding subgraph is down, such a field nulls its parent and the owner\'s data is lost with it.\n' +
        'Make the field itself nullable (list elements may stay non-null: [X!]).',
    );
  }
  console.log('every field a subgraph adds to another subgraph\'s entity is nullable: one subgraph down degrades only its own fields');
});
