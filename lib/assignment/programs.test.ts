import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REPO_ROOT } from '../paths.js';
import { activeAssignment, labNotebook, labProgram } from './programs.js';
import { startAssignment } from './start.js';

describe('Assignment > programs and start', () => {
  it("runs labs/ without the student's folder, and the student's programs once it is started", (t) => {
    // a folder directly under the project's root, as assignment/ is: its programs import ../lib/…
    const dir = mkdtempSync(join(REPO_ROOT, '.assignment-test-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const env = { LAB_ASSIGNMENT_DIR: dir };
    rmSync(dir, { recursive: true });
    assert.equal(activeAssignment(env), undefined);
    assert.equal(labProgram('game_api', env), 'labs/game_api.ts');
    assert.equal(labNotebook(env), 'notebooks/querying-purchases.ipynb');

    const started = startAssignment(dir);
    assert.equal(started.started, true);
    assert.deepEqual(started.files, [
      'ab-runs.txt',
      'filtered_writes.ts',
      'game_api.ts',
      'just_filtering.ts',
      'querying-purchases.ipynb',
      'rubric.json',
      'separate_events.ts',
    ]);
    assert.equal(activeAssignment(env), dir);
    assert.equal(labProgram('separate_events', env), `${basename(dir)}/separate_events.ts`);
    assert.equal(labNotebook(env), `${basename(dir)}/querying-purchases.ipynb`);
    assert.equal(
      readFileSync(join(dir, 'filtered_writes.ts'), 'utf8'),
      readFileSync(join(REPO_ROOT, 'labs', 'filtered_writes.ts'), 'utf8'),
      'the jobs the course gives as the reference has them',
    );
    assert.match(readFileSync(join(dir, 'game_api.ts'), 'utf8'), /ASSIGNMENT: "add two routes of your own"/);
    assert.doesNotMatch(
      readFileSync(join(dir, 'game_api.ts'), 'utf8'),
      /app\.route\('\/(purchase_a_shield|join_a_guild|purchase_a_knife)'/,
    );

    // started again, the student's work stays as it is
    writeFileSync(join(dir, 'game_api.ts'), '// mine\n');
    const again = startAssignment(dir);
    assert.equal(again.started, false);
    assert.equal(readFileSync(join(dir, 'game_api.ts'), 'utf8'), '// mine\n');
    assert.equal(readdirSync(dir).length, started.files.length);
  });
});
