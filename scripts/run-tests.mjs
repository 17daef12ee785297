#!/usr/bin/env node
// Runs the tests with Node's own runner (TypeScript through tsx).
// `unit`: *.test.ts beside the code (and test/support's), no services needed.
// `integration`: test/integration/ but its cluster/ folder, against the real stack, one file at a time
// (they share the broker).
// `hostile`: test/integration/hostile/ alone, with the suite's totals (docs/reliability.md).
// `notebook`: the notebook's integration tests alone, which `npm run test:node24` runs with the unit tests
// on Node.js 24; it expects the stack up, as CI has it by then, and never starts or stops it.
// `cluster`: test/integration/cluster/, against the cluster (npm run stack:up -- --cluster).
// Several suites run in the order given; no argument: unit, then integration.
// A suite's stack is started here when it is not running, and stopped after.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const SOURCE_DIRS = ['lib', 'labs', 'scripts', 'kernel-setup', 'test/support'];

const INTEGRATION = join('test', 'integration');
const CLUSTER_TESTS = join(INTEGRATION, 'cluster');

function findTests(dir, skip = null) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === skip) return [];
    if (statSync(path).isDirectory()) return findTests(path, skip);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

// each suite's files, and the stack:* arguments of the stack it needs (null: none started here)
const suites = {
  unit: { files: () => SOURCE_DIRS.flatMap((dir) => findTests(dir)), stack: null },
  integration: { files: () => findTests(INTEGRATION, CLUSTER_TESTS), stack: [] },
  hostile: { files: () => findTests(join(INTEGRATION, 'hostile')), stack: [] },
  notebook: {
    files: () =>
      findTests(INTEGRATION, CLUSTER_TESTS).filter((path) => basename(path).startsWith('notebook')),
    stack: null,
  },
  cluster: { files: () => findTests(CLUSTER_TESTS), stack: ['--', '--cluster'] },
};
const wanted = process.argv.length > 2 ? process.argv.slice(2) : ['unit', 'integration'];
const files = wanted.flatMap((name) => {
  if (!suites[name]) throw new Error(`unknown suite "${name}": use ${Object.keys(suites).join(', ')}`);
  return suites[name].files().sort();
});
if (files.length === 0) throw new Error(`no test files found for ${wanted.join(', ')}`);

const npm = (...args) => spawnSync('npm', ['run', '-s', ...args], { stdio: 'inherit' }).status;
const stacks = [
  ...new Map(
    wanted
      .map((name) => suites[name].stack)
      .filter((s) => s !== null)
      .map((s) => [s.join(' '), s]),
  ).values(),
];
const started = [];
for (const stack of stacks) {
  const which = stack.length ? 'cluster' : 'local stack';
  if (spawnSync('npm', ['run', '-s', 'stack:status', ...stack], { stdio: 'ignore' }).status === 0) continue;
  console.log(`The ${which} is not running: starting it for the tests (stopped again after).`);
  started.push(stack);
  if (npm('stack:up', ...stack) !== 0) {
    for (const up of started) npm('stack:down', ...up);
    process.exit(1);
  }
}
// which Node ran them: the same files run on the machine's Node and on Node.js 24 (test:node24)
console.log(`${wanted.join(' + ')} tests on Node.js ${process.version}`);
// spec on the terminal, and a TAP copy for the closing `N passed, N failed` line
const tapDir = mkdtempSync(join(tmpdir(), 'lab-tests-'));
const tap = join(tapDir, 'results.tap');
// the hostile-input suite adds up what it tried and what went wrong (test/support/hostile-tally.ts)
const tallyFile = join(tapDir, 'hostile-tally.jsonl');
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
  { stdio: 'inherit', env: { ...process.env, HOSTILE_TALLY: tallyFile } },
);
for (const stack of started) npm('stack:down', ...stack);
const totals = readFileSync(tap, 'utf8');
const total = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(totals)?.[1] ?? NaN);
// a test cancelled by a failing hook did not pass either
console.log(`${total('pass')} passed, ${total('fail') + total('cancelled')} failed`);
if (wanted.includes('hostile') && existsSync(tallyFile)) {
  const sum = { inputs: 0, jobFailures: 0, lost: 0, duplicated: 0, secrets: 0 };
  for (const line of readFileSync(tallyFile, 'utf8').split('\n').filter(Boolean)) {
    const counts = JSON.parse(line);
    for (const key of Object.keys(sum)) sum[key] += counts[key] ?? 0;
  }
  console.log(
    `hostile inputs and faults tried: ${sum.inputs}; job failures: ${sum.jobFailures}; events lost: ${sum.lost}; ` +
      `events duplicated: ${sum.duplicated}; secrets found: ${sum.secrets}`,
  );
}
rmSync(tapDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
