#!/usr/bin/env node
// Compares the public API schema (api.graphql) with the last accepted one (baseline/api.graphql) and fails on
// changes that break existing clients (removed fields, narrowed types, new required arguments, ...).
//
//   node breaking-changes.mjs            check (what the Maven build runs)
//   node breaking-changes.mjs --accept   makes the current api.graphql the new baseline, on purpose:
//                                        npm --prefix schema run accept-baseline, then commit schema/baseline/api.graphql
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { buildSchema } from 'graphql';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { API_FILE, BASELINE_API_FILE, REPO_ROOT, UserError, run } from './lib/subgraphs.mjs';

const ACCEPT = 'npm --prefix schema run accept-baseline';
const baselineName = relative(REPO_ROOT, BASELINE_API_FILE);
const apiName = relative(REPO_ROOT, API_FILE);

const label = {
  [CriticalityLevel.Breaking]: 'BREAKING ',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe     ',
};

run(async () => {
  if (process.argv.includes('--accept')) {
    mkdirSync(dirname(BASELINE_API_FILE), { recursive: true });
    copyFileSync(API_FILE, BASELINE_API_FILE);
    console.log(`${baselineName} is now ${apiName}: commit it, and say in the commit message which clients the breaking changes affect`);
    return;
  }
  if (!existsSync(BASELINE_API_FILE)) {
    throw new UserError(`${baselineName} is missing: create it with \`${ACCEPT}\` and commit it`);
  }
  const baseline = buildSchema(readFileSync(BASELINE_API_FILE, 'utf8'));
  const current = buildSchema(readFileSync(API_FILE, 'utf8'));
  const changes = await diff(baseline, current);
  for (const change of changes) console.log(`  ${label[change.criticality.level]}  ${change.message}`);

  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  if (breaking.length > 0) {
    throw new UserError(
      `${breaking.length} breaking change(s) in ${apiName} against ${baselineName} (listed above).\n` +
        'Clients built against the baseline would fail. Either make the change additive (add the new field, deprecate the\n' +
        `old one with @deprecated(reason: ...)), or, if the break is intended and its clients are updated, accept it:\n` +
        `  ${ACCEPT}   and commit ${baselineName}`,
    );
  }
  console.log(changes.length === 0
    ? `${apiName} equals ${baselineName}`
    : `${changes.length} change(s) against ${baselineName}, none breaking (accept them into the baseline with \`${ACCEPT}\` when convenient)`);
});
