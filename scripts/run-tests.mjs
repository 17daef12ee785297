#!/usr/bin/env node
// Runs the tests with Node's own runner (TypeScript through tsx).
// `unit`: *.test.ts beside the code, no services needed.
// `integration`: test/integration/, against the real stack, one file at a time (they share the broker).
// No argument: both, unit first.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['lib', 'labs', 'scripts', 'kernel-setup'];

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const suites = {
  unit: () => SOURCE_DIRS.flatMap(findTests),
  integration: () => findTests('test/integration'),
};
const wanted = process.argv[2] ? [process.argv[2]] : ['unit', 'integration'];
const files = wanted.flatMap((name) => {
  if (!suites[name]) throw new Error(`unknown suite "${name}": use unit or integration`);
  return suites[name]().sort();
});
if (files.length === 0) throw new Error(`no test files found for ${wanted.join(', ')}`);

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
