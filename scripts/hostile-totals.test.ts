import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, resolveConfig } from 'prettier';
import { REPO_ROOT } from '../lib/paths.js';
import {
  addsToHostileTotals,
  BLOCK_END,
  BLOCK_START,
  hostileTotals,
  replaceBlock,
  totalsLine,
  writeTotals,
} from './hostile-totals.js';
import type { TestResult } from './test-results.js';

const RUN = { command: 'npm test', date: '2026-12-02', node: 'v20.20.2', cores: 2 };
const hostile = 'test/integration/hostile/writers.test.ts';
const result = (name: string, status: TestResult['status'], file = hostile, suite = false): TestResult => ({
  name,
  status,
  file: join(REPO_ROOT, file),
  suite,
});

describe('the hostile totals', () => {
  it("adds up the tallies, and counts the hostile files' tests that ran and failed", () => {
    const tallies = [
      { section: 'a', inputs: 3 },
      { section: 'a', jobFailures: 1 },
      { section: 'b', inputs: 2, lost: 4, duplicated: 1 },
      { section: 'c', inputs: 1, secrets: 2 },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const results = [
      result('passes', 'passed'),
      result('fails', 'failed'),
      result('skipped', 'skipped'),
      result('a suite', 'passed', hostile, true),
      result('a suite whose hook failed', 'failed', hostile, true),
      result('not hostile', 'failed', 'lib/x.test.ts'),
    ];
    const totals = hostileTotals(tallies, results, [join(REPO_ROOT, hostile)]);
    assert.deepEqual(totals, {
      tests: 3,
      testsFailed: 2,
      inputs: 6,
      jobFailures: 1,
      lost: 4,
      duplicated: 1,
      secrets: 2,
    });
    assert.equal(
      totalsLine(totals),
      'hostile inputs and faults tried: 6 in 3 tests, 2 failed; job failures: 1; events lost: 4; ' +
        'events duplicated: 1; secrets found: 2',
    );
  });

  it('knows a hostile file by its import of the tally', () => {
    assert.equal(addsToHostileTotals(`import { tally } from '../../support/hostile-tally.js';`), true);
    assert.equal(addsToHostileTotals(`import { ab } from '../support/ab.js';`), false);
    assert.equal(
      addsToHostileTotals(`check(\`import { tally } from '../support/hostile-tally.js';\`)`),
      false,
    );
  });

  it('writes the table into the block of the page, as prettier lays it out, and nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-totals-'));
    try {
      const page = join(dir, 'reliability.md');
      const before = `# Page\n\nText before.\n\n${BLOCK_START}\n\nold\n\n${BLOCK_END}\n\n## After\n\nText after.\n`;
      writeFileSync(page, before);
      const totals = {
        tests: 18,
        testsFailed: 1,
        inputs: 64,
        jobFailures: 0,
        lost: 2,
        duplicated: 0,
        secrets: 0,
      };
      await writeTotals(page, totals, RUN);
      const written = readFileSync(page, 'utf8');
      assert.ok(written.startsWith('# Page\n\nText before.\n\n'), 'the text before, as it was');
      assert.ok(written.endsWith('\n\n## After\n\nText after.\n'), 'the text after, as it was');
      assert.match(written, /From `npm test` on 2026-12-02 \(Node\.js v20\.20\.2, 2 cores\):/);
      assert.match(written, /\| 18 +\| 1 +\| 64 +\| 0 +\| 2 +\| 0 +\| 0 +\|/, 'the figures');
      assert.doesNotMatch(written, /old/, 'the previous block replaced');
      const options = { ...(await resolveConfig(join(REPO_ROOT, 'docs/reliability.md'))), filepath: page };
      assert.equal(await check(written, options), true, 'what npm run lint accepts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a page without the block, or with two', () => {
    assert.throws(() => replaceBlock('# Page\n', 'x'), /no single hostile totals block/);
    const twice = `${BLOCK_START}\n${BLOCK_END}\n${BLOCK_START}\n${BLOCK_END}\n`;
    assert.throws(() => replaceBlock(twice, 'x'), /no single hostile totals block/);
  });

  it('docs/reliability.md has the block a run writes its totals in', () => {
    const page = readFileSync(join(REPO_ROOT, 'docs/reliability.md'), 'utf8');
    assert.doesNotThrow(() => replaceBlock(page, 'x'));
  });
});
