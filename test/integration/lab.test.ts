// The whole walkthrough on the real local stack: `npm run lab` reaches a full grade, and lab:grade
// fails exactly the check whose evidence is broken on purpose.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../lib/config.js';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { stopBackground } from '../../lib/process/background.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { backgroundProgram, RUN_DIR } from '../../lib/walkthrough/records.js';

function npmRun(...args: string[]) {
  const result = spawnSync('npm', ['run', '-s', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const checkLine = (output: string, name: string) => output.split('\n').find((l) => l.includes(name)) ?? '';

describe('Walkthrough > npm run lab (end to end)', () => {
  after(async () => {
    // --keep-running left the API and the kcat window up; the stack stays for the other tests
    for (const name of ['kafka_follower', 'game_api'] as const)
      await stopBackground(backgroundProgram(RUN_DIR, name));
  });

  it('runs every step and gets a full grade', () => {
    const { code, output } = npmRun('lab', '--', '--keep-running');
    const score = /score: (\d+)\/(\d+)/.exec(output);
    assert.ok(score, `no score line in the output:\n${output.slice(-3000)}`);
    assert.equal(score[1], score[2], `not a full grade:\n${output.slice(-4000)}`);
    assert.ok(Number(score[2]) >= 20, 'the grade has a check per fact');
    assert.equal(code, 0, 'npm run lab exits 0 on a full grade');
    for (let step = 1; step <= 10; step++)
      assert.match(output, new RegExp(`✔ step ${step} done`), `step ${step} ran`);
  });

  it('writes the report from the real outputs of the run', () => {
    const report = readFileSync(join(REPO_ROOT, 'report', 'README.md'), 'utf8');
    assert.match(report, /### Step 5: Generate events with Apache Bench/);
    assert.match(
      report,
      /\$ ab -n 10 -H "Host: user1\.comcast\.com" http:\/\/127\.0\.0\.1:5000\/purchase_a_sword/,
    );
    assert.match(report, /Complete requests:\s+10/, "ab's real output is in the report");
    assert.match(report, /"event_type": ?"purchase_sword"/, 'a sample event');
    assert.match(report, /## Appendix: Enhancements/);
    assert.ok(
      existsSync(join(RUN_DIR, 'querying-purchases.executed.ipynb')),
      'the executed notebook is kept',
    );
  });

  it('lab:grade fails the /tmp/purchases check when its output is deleted, and passes after step 8 again', async () => {
    assert.equal(npmRun('lab:grade').code, 0, 'a full grade before breaking anything');
    await new HdfsClient(loadConfig().hdfs).remove('/tmp/purchases');
    const broken = npmRun('lab:grade');
    assert.equal(broken.code, 1, 'lab:grade exits 1');
    assert.match(
      checkLine(broken.output, '/tmp/purchases has _SUCCESS'),
      /✘ FAIL .*run step 8/,
      'the check says which step to run',
    );
    assert.match(checkLine(broken.output, 'Kafka answers'), /✔ pass/, 'checks of other steps still pass');

    assert.equal(npmRun('lab:step-8').code, 0, 'step 8 runs again on its own');
    assert.equal(npmRun('lab:grade').code, 0, 'and the grade is full again');
  });

  it('explains a rerun of step 5 instead of failing without a reason', () => {
    assert.equal(npmRun('lab:step-5').code, 0, 'step 5 runs again');
    const { output } = npmRun('lab:grade');
    assert.match(
      checkLine(output, 'purchase_sword events from user1.comcast.com'),
      /✔ pass .*20 .*= 2 runs of step 5/,
    );
    for (const line of output.split('\n').filter((l) => l.includes('✘ FAIL'))) {
      assert.match(line, /run step \d+/, `a failing check names the step to run: ${line}`);
    }
  });
});
