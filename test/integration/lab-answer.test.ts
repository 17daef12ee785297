// The assignment's worked answer end to end: `npm run assignment:start -- --answer`'s folder, run by the
// whole lab (steps 1-10, the notebook's question cells included) on the real stack, meets the default
// rubric in full, and its report names what it added. The folder is a temporary one under the project's
// root (its programs import ../lib/…), removed afterwards; --keep-running leaves the stack up for the
// other tests, and the API and kcat window it started are stopped here. A second run, from a clean slate
// again, keeps the explanation written into the report and grades the answer in full again.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAnswer } from '../../lib/assignment/answer.js';
import { loadRubric } from '../../lib/assignment/rubric.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { stopBackground } from '../../lib/process/background.js';
import type { GradeJson } from '../../lib/walkthrough/grade.js';
import { backgroundProgram, RUN_DIR } from '../../lib/walkthrough/records.js';
import { PLACEHOLDER, readExplanations } from '../../lib/walkthrough/report-explanations.js';
import { npmRun } from '../support/npm-run.js';

/** `npm run lab -- --keep-running`, which must run steps 1-10 and meet the rubric (exit 0). */
function runLab(): string {
  const { code, output } = npmRun('lab', '--', '--keep-running');
  for (let step = 1; step <= 10; step++)
    assert.match(output, new RegExp(`✔ step ${step} done`), `step ${step} ran:\n${output.slice(-3000)}`);
  assert.equal(code, 0, `npm run lab exits 0:\n${output.slice(-3000)}`);
  return output;
}

describe('Assignment > the worked answer through npm run lab', () => {
  it('meets the default rubric in full, reports the routes and event types it added, keeps an explanation', async (t) => {
    const dir = mkdtempSync(join(REPO_ROOT, '.answer-lab-test-'));
    process.env.LAB_ASSIGNMENT_DIR = dir;
    t.after(async () => {
      for (const name of ['kafka_follower', 'game_api'] as const)
        await stopBackground(backgroundProgram(RUN_DIR, name));
      delete process.env.LAB_ASSIGNMENT_DIR;
      rmSync(dir, { recursive: true, force: true });
    });
    rmSync(dir, { recursive: true });
    startAnswer(dir);

    runLab();

    const graded = npmRun('lab:grade', '--', '--json');
    assert.equal(graded.code, 0, graded.output);
    const grade = JSON.parse(graded.output) as GradeJson;
    assert.deepEqual(
      grade.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.hint}`),
      [],
      'every check passes',
    );
    const rubricTotal = Object.values(loadRubric(dir).points).reduce((a, b) => a + (b ?? 0), 0);
    assert.deepEqual(
      { points: grade.points, total: grade.total },
      { points: rubricTotal, total: rubricTotal },
      'all the rubric',
    );

    const readme = join(dir, 'report', 'README.md');
    const report = readFileSync(readme, 'utf8');
    for (const added of [
      '| `/purchase_a_shield` | `purchase_shield` | `shield_type` | user1.comcast.com, user2.att.com | 20 |',
      '| `/join_a_guild` | `join_guild` | `guild_name` | user1.comcast.com, user2.att.com | 20 |',
    ])
      assert.ok(report.includes(added), `the report's "What I added" has ${added}`);

    // what a student does in their editor: the placeholder of step 3's block replaced by their text
    const block = '<!-- explanation:step-3 -->\n';
    const mine = 'The two routes of my own answer once Kafka has their events.';
    assert.ok(report.includes(block + PLACEHOLDER), 'an empty block under step 3');
    writeFileSync(readme, report.replace(block + PLACEHOLDER, block + mine));
    assert.match(runLab(), /Kept your 1 explanation\(s\) from the last report/);
    assert.equal(readExplanations(readFileSync(readme, 'utf8')).get('step-3'), mine);
    assert.equal(npmRun('lab:grade').code, 0, 'the second run meets the rubric too');
  });
});
