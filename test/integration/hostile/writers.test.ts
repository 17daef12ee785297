// Two writers of one output directory, a writer that died holding the lease, one killed between its two
// renames, and one stopped by a signal — on the real HDFS, with the real filtered_writes processes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { siblingPath } from '../../../lib/hdfs/atomic-output.js';
import { acquireLease, leasePath } from '../../../lib/hdfs/lease.js';
import { REPO_ROOT } from '../../../lib/paths.js';
import { purchasesWritten } from '../../../lib/walkthrough/prerequisites.js';
import { waitFor } from '../../../lib/wait-for.js';
import { tallyCase } from '../../support/hostile-tally.js';
import { config, createTopic, deleteTopic, hdfs, kafka, randomName, runLab } from '../jobs-fixture.js';

const SWORDS = 30;

describe('Hostile > writers of one output directory (real HDFS, real filtered_writes)', () => {
  const topic = randomName('test-hostile-writers');
  const bigTopic = `${topic}-big`;
  const folder = `/tmp/${randomName('test-hostile-writers')}`;
  const output = posix.join(folder, 'purchases');
  const write = (extra: string[] = []) =>
    runLab('filtered_writes', ['--topic', topic, '--output', output, ...extra]);
  /** The output holds _SUCCESS and one part, and nothing is left beside it. */
  const assertClean = async (what: string) => {
    const names = (await hdfs.list(output)).map((e) => e.pathSuffix).sort();
    assert.equal(names.length, 2, `${what}: _SUCCESS and one part (${names.join(', ')})`);
    assert.ok(names.includes('_SUCCESS'), `${what}: _SUCCESS`);
    assert.deepEqual(
      (await hdfs.list(folder)).map((e) => e.pathSuffix),
      ['purchases'],
      `${what}: no temporary directory, old copy or lease left beside it`,
    );
  };

  before(async () => {
    await createTopic(topic);
    await createTopic(bigTopic);
    const producer = kafka.producer();
    await producer.connect();
    try {
      const value = JSON.stringify({
        event_type: 'purchase_sword',
        Host: 'user1.comcast.com',
        Accept: '*/*',
      });
      await producer.send({ topic, messages: Array.from({ length: SWORDS }, () => ({ value })) });
      // enough for a read that lasts a while, for the signal test
      for (let i = 0; i < 40; i++) {
        await producer.send({ topic: bigTopic, messages: Array.from({ length: 5000 }, () => ({ value })) });
      }
    } finally {
      await producer.disconnect();
    }
  });
  after(async () => {
    await deleteTopic(topic);
    await deleteTopic(bigTopic);
    await hdfs.remove(folder);
  });

  it('two filtered_writes at once: both exit 0, the output is whole, nothing is left beside it', async () => {
    const tallied = tallyCase('writers: two at once', 1);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const outputs = await Promise.all([tallied.job(write()), tallied.job(write())]);
      assert.ok(
        outputs.every((o) => new RegExp(`written ${SWORDS} to ${output}`).test(o)),
        'both wrote every row',
      );
      await assertClean(`attempt ${attempt}`);
    }
  });

  it('a writer that finds the lease held waits, saying for whom, and writes once it is released', async () => {
    const tallied = tallyCase('writers: lease held', 1);
    const lease = await acquireLease(hdfs, output);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'labs/filtered_writes.ts', '--topic', topic, '--output', output],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const exited = once(child, 'exit') as Promise<[number | null]>;
    await waitFor(
      async () => printed.includes('waiting for process') || child.exitCode !== null || undefined,
      {
        label: 'filtered_writes to wait for the lease',
        timeoutMs: 60_000,
        intervalMs: 50,
      },
    );
    assert.match(printed, new RegExp(`waiting for process ${process.pid} on .+, which is writing ${output}`));
    assert.equal(await hdfs.exists(posix.join(output, '_SUCCESS')), true, 'nothing swapped while it waits');
    await lease.release();
    const [code] = await exited;
    if (code !== 0) tallied.add({ jobFailures: 1 });
    assert.equal(code, 0, 'then it finished');
    assert.match(printed, new RegExp(`written ${SWORDS} to ${output}`), 'and wrote');
    await assertClean('after the wait');
  });

  it('takes over the lease of a writer that died holding it', async () => {
    const tallied = tallyCase('writers: dead lease holder', 1);
    const expired = { owner: 'ghost:1:x', host: 'ghost', pid: 999_999, expires: Date.now() - 1000 };
    await hdfs.writeFile(leasePath(output), JSON.stringify(expired));
    assert.match(await tallied.job(write()), new RegExp(`written ${SWORDS}`), 'the write went through');
    await assertClean('after the takeover');
  });

  it('renames never nest a directory inside an existing one', async () => {
    tallyCase('writers: rename onto a directory', 1);
    const stray = posix.join(folder, 'stray');
    await hdfs.mkdirs(stray);
    await assert.rejects(hdfs.rename(stray, output), /refused/, 'refused: the destination exists');
    assert.equal(await hdfs.exists(posix.join(output, 'stray')), false, 'nothing nested');
    await hdfs.remove(stray);
  });

  it('a run killed between its two renames: readers say so, the next write puts things right', async () => {
    const tallied = tallyCase('writers: killed between renames', 1);
    // what such a run leaves: the previous output aside as .old, no target
    await hdfs.rename(output, siblingPath(output, 'old'));
    const missing = await purchasesWritten({
      config: { ...config, hdfs: { ...config.hdfs, purchasesDir: output } },
    });
    assert.match(missing ?? '', /stopped while swapping its output in; the previous output waits in .*\.old/);
    const mended = await tallied.job(write());
    assert.match(mended, /restored .* from \.purchases-.*\.old/, 'the previous output was put back first');
    await assertClean('after the repair');
  });

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} during a write: exit ${code}, no local spool, no HDFS leftovers, the previous output intact`, async () => {
      const tallied = tallyCase(`signals: ${signal}`, 1);
      const before = (await hdfs.list(output)).map((e) => e.pathSuffix).sort();
      // a temporary folder of its own: another program's spool appearing in the shared one is not its
      const tmp = mkdtempSync(join(tmpdir(), 'hostile-signal-'));
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'labs/filtered_writes.ts', '--topic', bigTopic, '--output', output],
        { cwd: REPO_ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const spool = () => readdirSync(tmp).filter((name) => name.startsWith('filtered-writes-'));
      try {
        // stop it once it is reading: its spool exists
        while (spool().length === 0 && child.exitCode === null) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        child.kill(signal);
        const [exitCode] = (await once(child, 'exit')) as [number | null];
        // stopped by the signal is what it should do; any other end is a failure
        if (exitCode !== code) tallied.add({ jobFailures: 1 });
        assert.equal(exitCode, code, `exit ${code} (stderr: ${stderr})`);
        assert.match(stderr, new RegExp(`stopped by ${signal}: cleaned up`), 'it says so');
        assert.deepEqual(spool(), [], 'its local spool is gone');
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
      assert.deepEqual(
        (await hdfs.list(output)).map((e) => e.pathSuffix).sort(),
        before,
        'the previous output, as it was',
      );
      await assertClean(`after ${signal}`);
    });
  }
});
