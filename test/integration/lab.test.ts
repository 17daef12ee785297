// The whole walkthrough on the real local stack: `npm run lab` reaches a full grade and leaves nothing
// running; lab:grade fails exactly the check whose evidence is broken on purpose; the programs it runs in
// the background are its own and stop when it says so.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadConfig } from '../../lib/config.js';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { labNotebooks } from '../../lib/jupyter/trust.js';
import { stopBackground } from '../../lib/process/background.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { backgroundProgram, RUN_DIR } from '../../lib/walkthrough/records.js';
import { STARTED_BY } from '../../scripts/step.js';
import { assertRanClean, runLabNotebook } from '../support/executed-cells.js';
import { checkLine, npmRun } from '../support/npm-run.js';

/** Live processes that a lab step started (they and their children carry its LAB_STARTED_BY), as `pid command`. */
function startedByTheLab(): string[] {
  const marker = `LAB_STARTED_BY=${STARTED_BY}`;
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        if (!readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker)) return [];
        return [`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()}`];
      } catch {
        return []; // gone meanwhile
      }
    });
}

const kcatWindows = () => startedByTheLab().filter((p) => /\bkcat -C\b|consume_events/.test(p));

describe('Walkthrough > npm run lab (end to end)', () => {
  after(async () => {
    // whatever a failed assertion left up; the stack stays for the other tests
    for (const name of ['kafka_follower', 'game_api'] as const)
      await stopBackground(backgroundProgram(RUN_DIR, name));
    npmRun('stack:up');
  });

  it('runs the whole walkthrough to a full grade, then leaves no kcat, API, kernel or JVM of its own running', () => {
    const { code, output } = npmRun('lab');
    assert.match(output, /score: (\d+)\/\1\n/, `a full grade:\n${output.slice(-3000)}`);
    assert.equal(code, 0, 'npm run lab exits 0');
    assert.match(output, /✔ step 11 done/, 'the tear-down ran');
    assert.deepEqual(startedByTheLab(), [], 'nothing the lab started is still running');
    assert.equal(npmRun('stack:up').code, 0, 'the stack comes back for what follows');
  });

  it('runs every step and gets a full grade, leaving the stack, the API and the kcat window up (--keep-running)', () => {
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

  it('leaves what both notebooks read: each runs clean right after the lab', async () => {
    const work = await mkdtemp(join(tmpdir(), 'lab-notebooks-'));
    try {
      for (const notebook of labNotebooks())
        assertRanClean(await runLabNotebook(basename(notebook), work, {}));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
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

  it('keeps one kcat window when step 4 runs twice', () => {
    assert.equal(kcatWindows().length, 1, `one window after the run: ${kcatWindows().join('; ')}`);
    const again = npmRun('lab:step-4');
    assert.equal(again.code, 0, again.output);
    assert.match(again.output, /kafka_follower is already running \(pid \d+\)/, 'it says so');
    assert.equal(kcatWindows().length, 1, `still one window: ${kcatWindows().join('; ')}`);
  });

  it('step 3 refuses a stranger on the API port, saying who holds it, and never counts its answers', async () => {
    const config = loadConfig();
    await stopBackground(backgroundProgram(RUN_DIR, 'game_api'));
    // a stranger that answers everything with 200, /healthz included
    const stranger = createServer((_req, res) => res.end('{"kafka":"connected"}'));
    await new Promise<void>((resolve) => stranger.listen(config.api.port, config.api.host, resolve));
    try {
      const refused = npmRun('lab:step-3');
      assert.equal(refused.code, 1, 'step 3 fails');
      assert.match(
        refused.output,
        new RegExp(
          `${config.api.host}:${config.api.port} is already in use by .*\\(pid ${process.pid}\\), not by the game API this lab started`,
        ),
        'it names the holder',
      );
      assert.match(refused.output, new RegExp(`kill ${process.pid}`), 'and how to stop it');
      assert.equal(npmRun('lab:step-5').code, 1, 'step 5 does not run against the stranger');
    } finally {
      await new Promise((resolve) => stranger.close(resolve));
    }
    assert.equal(npmRun('lab:step-3').code, 0, 'with the port free, step 3 starts the API again');
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

  it('lab:step-11 after --keep-running leaves nothing of its own running', () => {
    assert.ok(startedByTheLab().length > 0, 'the API and the kcat window run before');
    const { code, output } = npmRun('lab:step-11');
    assert.equal(code, 0, output);
    assert.deepEqual(startedByTheLab(), [], 'nothing the lab started is still running');
  });
});
