import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../lib/paths.js';
import { closingLine, countResults, parseResults, skipLines, skipsFail } from './test-results.js';

/** Runs `source` as a test file under Node's runner with scripts/test-reporter.mjs; its results. */
function resultsOf(source: string) {
  const dir = mkdtempSync(join(tmpdir(), 'test-results-'));
  try {
    const file = join(dir, 'fixture.test.mjs');
    writeFileSync(file, source);
    const out = join(dir, 'results.jsonl');
    // a runner of its own, not a child of the runner running this test
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        `--test-reporter=${join(REPO_ROOT, 'scripts/test-reporter.mjs')}`,
        `--test-reporter-destination=${out}`,
        file,
      ],
      { cwd: REPO_ROOT, env },
    );
    return parseResults(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the closing line of a test run', () => {
  it('counts passes, failures (a cancelled test, a failing hook) and skips (a skipped suite, a todo)', () => {
    const results = resultsOf(`
      import { after, before, describe, it } from 'node:test';
      it('passes', () => {});
      it('fails', () => { throw new Error('an assertion'); });
      it('is skipped', { skip: 'no compose here' }, () => {});
      it('is to do', { todo: true }, () => { throw new Error('not yet'); });
      describe('a skipped suite', { skip: 'nothing to run it on' }, () => { it('never runs', () => {}); });
      describe('a suite whose before fails', () => {
        before(() => { throw new Error('no broker'); });
        it('is cancelled', () => {});
      });
      describe('a suite whose after fails', () => {
        after(() => { throw new Error('cleanup'); });
        it('passes first', () => {});
      });
      describe('a suite with a failing test', () => { it('fails inside', () => { throw new Error('x'); }); });
    `);
    // passed: passes, passes first; failed: fails, is cancelled, the before hook, the after hook, fails
    // inside; skipped: is skipped, is to do, a skipped suite
    assert.equal(closingLine(countResults(results)), '2 passed, 5 failed, 3 skipped');
    assert.deepEqual(
      skipLines(results).map((line) => line.replace(/ \(.*\)/, '')),
      [
        'skipped: is skipped: no compose here',
        'skipped: is to do: no reason given',
        'skipped: a skipped suite: nothing to run it on',
      ],
    );
    const failed = results.filter((r) => r.status === 'failed');
    assert.ok(
      failed.some((r) => r.name === 'a suite whose before fails' && /no broker/.test(r.reason ?? '')),
      'the failing hook, with its message',
    );
  });

  it('counts a file that does not load as a failure', () => {
    const results = resultsOf(`throw new Error('a syntax error, say');`);
    assert.equal(closingLine(countResults(results)), '0 passed, 1 failed, 0 skipped');
  });

  it('makes a skip fatal under CI only', () => {
    assert.equal(skipsFail({ CI: 'true' }), true);
    assert.equal(skipsFail({ CI: '1' }), true);
    assert.equal(skipsFail({ CI: 'false' }), false);
    assert.equal(skipsFail({ CI: '0' }), false);
    assert.equal(skipsFail({}), false);
  });
});
