#!/usr/bin/env node
// Runs the tests with Node's own runner (TypeScript through tsx).
// `unit`: *.test.ts beside the code, no services needed.
// `integration`: test/integration/ but its cluster/ folder, against the real stack, one file at a time
// (they share the broker).
// `cluster`: test/integration/cluster/, against the cluster (npm run stack:up -- --cluster), one at a time.
// No argument: unit, then integration.
// A suite's stack is started here when it is not running, and stopped after.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOURCE_DIRS = ['lib', 'labs', 'scripts', 'kernel-setup'];

const CLUSTER_TESTS = join('test', 'integration', 'cluster');

function findTests(dir, skip = null) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === skip) return [];
    if (statSync(path).isDirectory()) return findTests(path, skip);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

// each suite's files, and the stack:* arguments of the stack it needs (null: none)
const suites = {
  unit: { files: () => SOURCE_DIRS.flatMap((dir) => findTests(dir)), stack: null },
  integration: { files: () => findTests(join('test', 'integration'), CLUSTER_TESTS), stack: [] },
  cluster: { files: () => findTests(CLUSTER_TESTS), stack: ['--', '--cluster'] },
};
const wanted = process.argv[2] ? [process.argv[2]] : ['unit', 'integration'];
const files = wanted.flatMap((name) => {
  if (!suites[name]) throw new Error(`unknown suite "${name}": use ${Object.keys(suites).join(', ')}`);
  return suites[name].files().sort();
});
if (files.length === 0) throw new Error(`no test files found for ${wanted.join(', ')}`);

const npm = (...args) => spawnSync('npm', ['run', '-s', ...args], { stdio: 'inherit' }).status;
const started = [];
for (const stack of wanted.map((name) => suites[name].stack).filter((s) => s !== null)) {
  const which = stack.length ? 'cluster' : 'local stack';
  if (spawnSync('npm', ['run', '-s', 'stack:status', ...stack], { stdio: 'ignore' }).status === 0) continue;
  console.log(`The ${which} is not running: starting it for the tests (stopped again after).`);
  started.push(stack);
  if (npm('stack:up', ...stack) !== 0) {
    for (const up of started) npm('stack:down', ...up);
    process.exit(1);
  }
}
// spec on the terminal, and a TAP copy for the closing `N passed, N failed` line
const tapDir = mkdtempSync(join(tmpdir(), 'lab-tests-'));
const tap = join(tapDir, 'results.tap');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
for (const stack of started) npm('stack:down', ...stack);
const totals = readFileSync(tap, 'utf8');
const total = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(totals)?.[1] ?? NaN);
// a test cancelled by a failing hook did not pass either
console.log(`${total('pass')} passed, ${total('fail') + total('cancelled')} failed`);
rmSync(tapDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
