#!/usr/bin/env node
// Composes the supergraph from the subgraphs' schema files (listed in subgraphs.json).
//
//   node compose.mjs           check mode (what the Maven build runs): fails when composition fails, or when
//                              the committed supergraph.graphql / api.graphql differ from what composition produces
//   node compose.mjs --write   writes supergraph.graphql and api.graphql
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { API_FILE, REPO_ROOT, SUPERGRAPH_FILE, UserError, composeSupergraph, run } from './lib/subgraphs.mjs';

const FIX = 'npm --prefix schema run compose';

function firstDifference(expected, actual) {
  const lines = (text) => text.replace(/\n$/, '').split('\n');
  const a = lines(expected);
  const b = lines(actual);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return `    first difference at line ${i + 1}:\n      committed: ${b[i] ?? '<end of file>'}\n      composed:  ${a[i] ?? '<end of file>'}`;
    }
  }
  return '';
}

run(() => {
  const write = process.argv.includes('--write');
  const { subgraphs, supergraph, api } = composeSupergraph();
  for (const s of subgraphs) console.log(`composed ${s.name} (${s.url}) from ${s.files.join(', ')}`);

  const outputs = [[SUPERGRAPH_FILE, supergraph], [API_FILE, api]];
  if (write) {
    for (const [file, text] of outputs) {
      writeFileSync(file, text);
      console.log(`wrote ${relative(REPO_ROOT, file)}`);
    }
    return;
  }
  const stale = outputs
    .filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text)
    .map(([file, text]) => {
      const name = relative(REPO_ROOT, file);
      return existsSync(file) ? `  ${name} is stale\n${firstDifference(text, readFileSync(file, 'utf8'))}` : `  ${name} is missing`;
    });
  if (stale.length > 0) {
    throw new UserError(
      `The committed schema files do not match the subgraphs' schemas:\n${stale.join('\n')}\n\n` +
        `stale: run \`${FIX}\` and commit schema/supergraph.graphql and schema/api.graphql`,
    );
  }
  console.log('supergraph.graphql and api.graphql are up to date');
});
