#!/usr/bin/env node
// Runs the tests with Node's own runner (TypeScript through tsx).
// `unit`: *.test.ts beside the code, no services needed.
// `integration`: test/integration/, against the real stack, one file at a time (they share the broker).
// `notebook`: the notebook's integration tests alone (the kernelspec, readParquet, the notebook on the real
// tslab kernel), which `npm run test:node24` runs with the unit tests on Node.js 24.
// Several suites run in the order given; no argument: unit, then integration.
// `integration` needs the local stack: when it is not running, it is started here and stopped after.
// `notebook` expects the stack up, as CI has it by then, and never starts or stops it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const SOURCE_DIRS = ['lib', 'labs', 'scripts', 'kernel-setup', 'test/support'];

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
  notebook: () => findTests('test/integration').filter((path) => basename(path).startsWith('notebook')),
  hostile: () => findTests('test/integration/hostile'),
};
const wanted = process.argv.length > 2 ? process.argv.slice(2) : ['unit', 'integration'];
const files = wanted.flatMap((name) => {
  if (!suites[name]) throw new Error(`unknown suite "${name}": use ${Object.keys(suites).join(', ')}`);
  return suites[name]().sort();
});
if (files.length === 0) throw new Error(`no test files found for ${wanted.join(', ')}`);

const npm = (...args) => spawnSync('npm', ['run', '-s', ...args], { stdio: 'inherit' }).status;
let startedStack = false;
const needsStack = wanted.includes('integration') || wanted.includes('hostile');
if (needsStack && spawnSync('npm', ['run', '-s', 'stack:status'], { stdio: 'ignore' }).status !== 0) {
  console.log('The local stack is not running: starting it for the integration tests (stopped again after).');
  if (npm('stack:up') !== 0) process.exit(1);
  startedStack = true;
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
if (startedStack) npm('stack:down');
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
