import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeCells } from '../jupyter/executed-notebook.js';
import { REPO_ROOT } from '../paths.js';
import { startAnswer } from './answer.js';
import { parseBenchRuns } from './bench-runs.js';
import { ANSWER_PATCH_FILE, ASSIGNMENT_NOTEBOOK, BENCH_RUNS_FILE } from './programs.js';

/** A folder directly under the project's root, as assignment/ is (its programs import ../lib/…); not there yet. */
function freshFolder(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(REPO_ROOT, '.answer-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  rmSync(dir, { recursive: true });
  return dir;
}

describe('Assignment > the worked answer', () => {
  it('applies cleanly to a fresh starting point: two routes, each called as two users, the questions answered', (t) => {
    const dir = freshFolder(t);
    const result = startAnswer(dir);
    assert.equal(result.started, true);
    assert.equal(existsSync(join(dir, ANSWER_PATCH_FILE)), false, 'the patch is not handed out');

    const api = readFileSync(join(dir, 'game_api.ts'), 'utf8');
    assert.match(api, /app\.route\('\/purchase_a_shield'[\s\S]*event_type: 'purchase_shield', shield_type:/);
    assert.match(api, /app\.route\('\/join_a_guild'[\s\S]*event_type: 'join_guild', guild_name:/);
    assert.match(api, /'Shield Purchased!\\n'/);
    assert.match(api, /'You Have Joined A Guild!\\n'/);

    const runs = parseBenchRuns(readFileSync(join(dir, BENCH_RUNS_FILE), 'utf8'));
    for (const route of ['/purchase_a_shield', '/join_a_guild']) {
      assert.deepEqual(
        runs.filter((r) => r.path === route).map((r) => r.host),
        ['user1.comcast.com', 'user2.att.com'],
        `${route} as two users`,
      );
    }

    assert.match(readFileSync(join(dir, 'separate_events.ts'), 'utf8'), /of extracted_events\.values\(\)/);
    // code cells as written, not executed: what the grade's question cells will run
    const questions = codeCells(readFileSync(join(dir, ASSIGNMENT_NOTEBOOK), 'utf8')).filter((c) =>
      c.tags.some((tag) => tag.startsWith('question:')),
    );
    assert.equal(questions.length, 3);
    for (const cell of questions) assert.match(cell.source, /^count\(await sql\("select .* from purchases/);
  });

  it('leaves a folder already started as it is', (t) => {
    const dir = freshFolder(t);
    startAnswer(dir);
    writeFileSync(join(dir, 'game_api.ts'), '// mine\n');
    assert.equal(startAnswer(dir).started, false);
    assert.equal(readFileSync(join(dir, 'game_api.ts'), 'utf8'), '// mine\n');
  });

  it('leaves no half-answered folder when the patch does not apply, and says why', (t) => {
    const dir = freshFolder(t);
    const patch = `${dir}.patch`;
    t.after(() => rmSync(patch, { force: true }));
    writeFileSync(
      patch,
      readFileSync(join(REPO_ROOT, 'starter', ANSWER_PATCH_FILE), 'utf8').replace(
        ' user2.att.com /purchase_a_sword',
        ' user9.example.com /purchase_a_sword',
      ),
    );
    assert.throws(() => startAnswer(dir, patch), /failed on the starting point: .*ab-runs\.txt/);
    assert.equal(existsSync(dir), false);
  });
});
