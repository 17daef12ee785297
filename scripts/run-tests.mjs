#!/usr/bin/env node
// Runs the tests with Node's own runner (TypeScript through tsx).
// `unit`: *.test.ts beside the code (and test/support's), no services needed.
// `integration`: test/integration/ but its cluster/ folder, against the real stack, one file at a time
// (they share the broker).
// `hostile`: the test files that add to the hostile totals (test/support/hostile-tally.ts) alone.
// `notebook`: the notebook's integration tests alone, which `npm run test:node24` runs with the unit tests
// on Node.js 24; it expects the stack up, as CI has it by then, and never starts or stops it.
// `cluster`: test/integration/cluster/, against the cluster (npm run stack:up -- --cluster).
// Several suites run in the order given; no argument: unit, then integration.
// A suite's stack is started here when it is not running, and stopped after.
// The closing lines: the hostile totals when hostile files ran (written into docs/reliability.md when
// all of them did), then `N passed, N failed, N skipped`. Under CI a skipped test fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const { closingLine, countResults, parseResults, skipLines, skipsFail } = await tsImport(
  './test-results.ts',
  import.meta.url,
);
const { addsToHostileTotals, hostileTotals, totalsLine, writeTotals } = await tsImport(
  './hostile-totals.ts',
  import.meta.url,
);

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

const hostileFiles = () =>
  [...SOURCE_DIRS, INTEGRATION]
    .flatMap((dir) => findTests(dir, CLUSTER_TESTS))
    .filter((path) => addsToHostileTotals(readFileSync(path, 'utf8')));

// each suite's files, and the stack:* arguments of the stack it needs (null: none started here)
const suites = {
  unit: { files: () => SOURCE_DIRS.flatMap((dir) => findTests(dir)), stack: null },
  integration: { files: () => findTests(INTEGRATION, CLUSTER_TESTS), stack: [] },
  hostile: { files: hostileFiles, stack: [] },
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
const hostile = hostileFiles();
const hostileRun = hostile.filter((path) => files.includes(path));
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
// spec on the terminal, and a line per test for the closing lines (scripts/test-reporter.mjs)
const resultsDir = mkdtempSync(join(tmpdir(), 'lab-tests-'));
const resultsFile = join(resultsDir, 'results.jsonl');
// the hostile files add up what they tried and what went wrong (test/support/hostile-tally.ts)
const tallyFile = join(resultsDir, 'hostile-tally.jsonl');
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/test-reporter.mjs',
    `--test-reporter-destination=${resultsFile}`,
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, HOSTILE_TALLY: tallyFile } },
);
for (const stack of started) npm('stack:down', ...stack);
const read = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
const results = parseResults(read(resultsFile));
const tallied = read(tallyFile);
rmSync(resultsDir, { recursive: true, force: true });
if (hostileRun.length > 0) {
  const totals = hostileTotals(tallied, results, hostileRun);
  console.log(totalsLine(totals));
  if (hostileRun.length === hostile.length) {
    const script = process.env.npm_lifecycle_event;
    await writeTotals('docs/reliability.md', totals, {
      command:
        script === 'test'
          ? 'npm test'
          : script
            ? `npm run ${script}`
            : `node scripts/run-tests.mjs ${process.argv.slice(2).join(' ')}`.trim(),
      date: new Date().toISOString().slice(0, 10),
      node: process.version,
      cores: availableParallelism(),
    });
    console.log('(written into docs/reliability.md)');
  }
}
const skips = skipLines(results);
for (const line of skips) console.log(line);
const failOnSkips = skips.length > 0 && skipsFail(process.env);
if (failOnSkips) console.log(`CI is set: ${skips.length} skipped, and a skipped test fails the run there`);
console.log(closingLine(countResults(results)));
process.exit(failOnSkips ? 1 : (result.status ?? 1));
