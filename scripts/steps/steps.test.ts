// The step scripts as they run, in-process: zx's spawn replaced by a fake that records each command
// line and answers at once, so no service and no process is needed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAssignment } from '../../lib/assignment/start.js';
import { loadConfig } from '../../lib/config.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { BENCH_RUNS, REQUESTS_PER_RUN } from '../../lib/walkthrough/plan.js';
import { configFromOptions, finishedChild, runStep, studentQuote, type Step } from '../step.js';
import { STEPS } from './index.js';

const byId = (id: number) => STEPS.find((s) => s.id === id)!;

async function run(
  step: Step,
  env: Record<string, string> = {},
  { dryRun = true, stdout = '', exitCode = 0 } = {},
) {
  const spawned: string[] = [];
  const fake = ((command: string) => {
    spawned.push(command);
    return finishedChild(stdout, exitCode);
  }) as unknown as typeof spawn;
  let printed = '';
  const runDir = mkdtempSync(join(tmpdir(), 'steps-test-'));
  try {
    const record = await runStep(dryRun ? step : { ...step, needs: undefined }, {
      config: loadConfig(env),
      dryRun,
      runDir,
      spawn: fake,
      out: (text) => (printed += text),
    });
    return { record, spawned, printed, commands: record.commands.map((c) => c.command) };
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

describe('Walkthrough > steps > once the assignment is started', () => {
  it("runs the student's programs, ab runs and notebook", async (t) => {
    const dir = mkdtempSync(join(REPO_ROOT, '.assignment-steps-test-'));
    rmSync(dir, { recursive: true });
    startAssignment(dir);
    appendFileSync(join(dir, 'ab-runs.txt'), 'user2.att.com /buy_a_potion\n');
    process.env.LAB_ASSIGNMENT_DIR = dir;
    t.after(() => {
      delete process.env.LAB_ASSIGNMENT_DIR;
      rmSync(dir, { recursive: true, force: true });
    });
    const folder = dir.slice(REPO_ROOT.length + 1);
    assert.match(
      (await run(byId(3))).commands[0],
      new RegExp(`^node --import tsx ${folder}/game_api\\.ts >> `),
    );
    assert.deepEqual((await run(byId(5), { API_PORT: '9' })).commands, [
      'ab -n 10 -H "Host: user1.comcast.com" http://127.0.0.1:9/',
      'ab -n 10 -H "Host: user1.comcast.com" http://127.0.0.1:9/purchase_a_sword',
      'ab -n 10 -H "Host: user2.att.com" http://127.0.0.1:9/purchase_a_sword',
      'ab -n 10 -H "Host: user2.att.com" http://127.0.0.1:9/buy_a_potion',
    ]);
    assert.deepEqual((await run(byId(6))).commands, [`node --import tsx ${folder}/separate_events.ts`]);
    assert.deepEqual((await run(byId(8))).commands, [`node --import tsx ${folder}/filtered_writes.ts`]);
    assert.match(
      (await run(byId(10))).commands[0],
      new RegExp(`--input ${folder}/querying-purchases\\.ipynb --output `),
    );

    assert.throws(
      () => configFromOptions({ engine: 'spark' }),
      /--engine spark runs the walkthrough's PySpark programs, not yours/,
    );
    delete process.env.LAB_ENGINE;

    appendFileSync(join(dir, 'ab-runs.txt'), 'user2.att.com buy_a_potion\n');
    const broken = await run(byId(5), {}, { dryRun: false });
    assert.match(broken.record.error ?? '', /ab-runs\.txt:\d+: "user2\.att\.com buy_a_potion" is not a run/);
  });
});

describe('Walkthrough > steps', () => {
  it('has the eleven steps of the walkthrough, in order', () => {
    assert.deepEqual(
      STEPS.map((s) => s.id),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    );
  });

  it("step 5 runs the original's four ab commands and the knife route, as the grade's plan expects", async () => {
    const { commands, printed, record } = await run(byId(5), { API_PORT: '9' });
    assert.deepEqual(
      commands,
      BENCH_RUNS.map((r) => `ab -n ${REQUESTS_PER_RUN} -H "Host: ${r.host}" http://127.0.0.1:9${r.path}`),
    );
    assert.match(
      printed,
      /original: docker-compose exec mids ab -n 10 -H "Host: user1\.comcast\.com" http:\/\/localhost:5000\/purchase_a_sword/,
    );
    assert.match(printed, /\$ ab -n 10 -H "Host: user2\.att\.com" http:\/\/127\.0\.0\.1:9\/join_a_guild\n/);
    assert.match(printed, /step 5: dry run, nothing executed/);
    assert.equal(record.commands[0].output, '(dry run: not executed)');
  });

  it('with LAB_STACK=compose runs the same commands, inside the app container, against the services by name', async () => {
    const app = { LAB_STACK: 'compose', KAFKA_BROKERS: 'kafka:29092', API_HOST: '0.0.0.0', API_PORT: '5000' };
    const ab = await run(byId(5), app);
    assert.equal(ab.commands[0], 'ab -n 10 -H "Host: user1.comcast.com" http://127.0.0.1:5000/');
    assert.match(ab.spawned[0], /; ab -n 10 -H "Host: user1\.comcast\.com" http:\/\/127\.0\.0\.1:5000\/$/);
    const window = await run(byId(4), app);
    assert.match(
      window.commands[0],
      /^(kcat -C -u -q -b kafka:29092 |node --import tsx labs\/consume_events\.ts)/,
    );
    const ls = await run(byId(9), app);
    assert.deepEqual(ls.commands, ['hadoop fs -ls /tmp/', 'hadoop fs -ls /tmp/purchases/']);
  });

  it('with LAB_STACK=compose neither starts nor stops the services: the host does, and the steps say so', async () => {
    const up = await run(byId(1), { LAB_STACK: 'compose' });
    assert.deepEqual(up.commands, [], 'step 1 starts nothing');
    assert.match(up.printed, /started on the host by `docker compose up -d --wait`/);
    const down = await run(byId(11), { LAB_STACK: 'compose' });
    assert.ok(!down.commands.some((c) => /stack:down|docker/.test(c)), 'step 11 stops no service');
    assert.match(down.printed, /on the host, `docker compose down` stops them/);
    const local = await run(byId(11));
    assert.deepEqual(local.commands, ['npm run -s stack:down'], 'the local stack is stopped by step 11');
  });

  it('with --cluster starts and stops the cluster, and creates the topic on three partitions and three brokers', async () => {
    const cluster = {
      LAB_STACK: 'cluster',
      KAFKA_BROKERS: '127.0.0.1:19192,127.0.0.1:19292,127.0.0.1:19392',
    };
    assert.deepEqual((await run(byId(1), cluster)).commands, ['npm run -s stack:up -- --cluster']);
    assert.deepEqual((await run(byId(2), cluster)).commands, [
      'node --import tsx labs/create_topic.ts --partitions 3 --replication-factor 3',
    ]);
    assert.deepEqual(
      (await run(byId(2))).commands,
      ['node --import tsx labs/create_topic.ts'],
      'one of each without',
    );
    assert.deepEqual((await run(byId(11), cluster)).commands, ['npm run -s stack:down -- --cluster']);
  });

  it('refuses --engine spark in the docker compose app container, which has no PySpark', () => {
    const saved = { stack: process.env.LAB_STACK, engine: process.env.LAB_ENGINE };
    process.env.LAB_STACK = 'compose';
    try {
      assert.throws(() => configFromOptions({ engine: 'spark' }), /not in the docker compose app container/);
      assert.equal(configFromOptions({ engine: 'typescript' }).engine, 'typescript');
    } finally {
      for (const [key, value] of [
        ['LAB_STACK', saved.stack],
        ['LAB_ENGINE', saved.engine],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it("with --engine spark, steps 6-8 submit the walkthrough's PySpark programs, and 7 and 8 run the lab's beside them", async () => {
    const spark = { LAB_ENGINE: 'spark' };
    assert.deepEqual((await run(byId(6), spark)).commands, ['spark-submit labs/spark/separate_events.py']);
    assert.deepEqual(
      (await run(byId(6), { EVENTS_DIR: '/tmp/other-events' })).commands,
      ['node --import tsx labs/separate_events.ts --write /tmp/other-events'],
      'step 6 writes where exploring-events.ipynb reads',
    );
    assert.deepEqual((await run(byId(7), spark)).commands, [
      'spark-submit labs/spark/just_filtering.py',
      'node --import tsx labs/just_filtering.ts',
    ]);
    assert.deepEqual((await run(byId(8), spark, { dryRun: false })).commands, [
      'spark-submit labs/spark/filtered_writes.py',
      'node --import tsx labs/filtered_writes.ts --output /tmp/purchases_typescript',
    ]);
    const { record } = await run(byId(8), spark, { dryRun: false });
    assert.equal(record.engine, 'spark', 'the grade knows what ran the job');
    assert.equal((await run(byId(8), {}, { dryRun: false })).record.engine, 'typescript');
    assert.equal((await run(byId(9), spark, { dryRun: false })).record.engine, undefined, 'not a job');
  });

  it('step 6 with --engine spark explains the failure the walkthrough warned of, and fails on any other', async () => {
    const mismatch =
      "py4j.protocol.Py4JJavaError: An error occurred\n: org.apache.spark.SparkException: Job aborted: java.lang.IllegalStateException: Input row doesn't have expected number of values required by the schema. 6 fields are required while 7 values are provided.\n";
    const broke = await run(
      byId(6),
      { LAB_ENGINE: 'spark' },
      { dryRun: false, stdout: mismatch, exitCode: 1 },
    );
    assert.equal(broke.record.ok, true, 'the failure is the lesson');
    assert.match(
      broke.record.notes.join('\n'),
      /would break if we gave it 2 different schemas.*\(6 fields\).*has 7/,
    );
    const other = await run(
      byId(6),
      { LAB_ENGINE: 'spark' },
      { dryRun: false, stdout: 'boom\n', exitCode: 1 },
    );
    assert.equal(other.record.ok, false);
    assert.match(other.record.error ?? '', /separate_events\.py exited with 1/);
  });

  it('step 9 lists the parent of the purchases directory, then the directory, with hadoop fs -ls', async () => {
    const { commands } = await run(byId(9), { PURCHASES_DIR: '/data/purchases' });
    assert.deepEqual(commands, ['hadoop fs -ls /data/', 'hadoop fs -ls /data/purchases/']);
  });

  it('steps 3 and 4 start their programs in the background, output to their logs in the run folder', async () => {
    const api = await run(byId(3));
    assert.equal(api.commands.length, 1, 'one command');
    assert.match(api.commands[0], /^node --import tsx labs\/game_api\.ts >> \S+\/game_api\.log 2>&1 &$/);
    const window = await run(byId(4));
    assert.match(
      window.commands[0],
      /^(kcat -C -u -q -b 127\.0\.0\.1:9092 -t events -o beginning|node --import tsx labs\/consume_events\.ts) >> \S+\/kafka_follower\.log 2>&1 &$/,
    );
  });

  it('records what a command printed, and fails the step with the command when it exits non-zero', async () => {
    const ok = await run(byId(6), {}, { dryRun: false, stdout: 'separate_events summary: read 5 records\n' });
    assert.equal(ok.record.ok, true, 'step 6 passed');
    assert.deepEqual(ok.record.commands, [
      {
        command: 'node --import tsx labs/separate_events.ts --write /tmp/events',
        output: 'separate_events summary: read 5 records',
        exitCode: 0,
      },
    ]);
    const failed = await run(byId(7), {}, { dryRun: false, exitCode: 1 });
    assert.equal(failed.record.ok, false, 'step 7 failed');
    assert.equal(failed.record.error, '`node --import tsx labs/just_filtering.ts` exited with 1');
  });
});

describe('Walkthrough > runStep > a missing prerequisite', () => {
  it('fails the step with what is missing and what to run, and no stack trace', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'steps-test-'));
    try {
      let printed = '';
      const missing = 'the topic events is empty: run `npm run lab:step-5` (Apache Bench) first';
      const record = await runStep(
        { ...byId(6), needs: async () => missing },
        { config: loadConfig({}), dryRun: false, runDir, out: (text) => (printed += text) },
      );
      assert.equal(record.ok, false);
      assert.equal(record.error, missing);
      assert.match(
        printed,
        /✘ step 6 failed: the topic events is empty: run `npm run lab:step-5` \(Apache Bench\) first\n$/,
      );
    } finally {
      rmSync(runDir, { recursive: true, force: true });
    }
  });
});

describe('Walkthrough > studentQuote', () => {
  it('writes arguments as the walkthrough typed them', () => {
    assert.equal(studentQuote('/tmp/purchases/'), '/tmp/purchases/', 'plain');
    assert.equal(studentQuote('Host: user1.comcast.com'), '"Host: user1.comcast.com"', 'double quotes');
    assert.equal(studentQuote("it's $HOME"), "$'it\\'s $HOME'", "zx's quoting where a shell would expand");
  });
});
