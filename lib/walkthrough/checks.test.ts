import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GameEvent } from '../events/event.js';
import type { CodeCell } from '../jupyter/executed-notebook.js';
import type { JobSummary } from '../jobs/summary.js';
import {
  countRequests,
  describeCounts,
  digestEvents,
  gradeEvidence,
  judgeCount,
  type Evidence,
} from './checks.js';
import { BENCH_RUNS } from './plan.js';

const PART = 'part-00000-0a1b2c3d-1111-2222-3333-444455556666-c000.snappy.parquet';

function event(run: (typeof BENCH_RUNS)[number]): GameEvent {
  return {
    event_type: run.eventType,
    Host: run.host,
    'User-Agent': 'ApacheBench/2.3',
    Accept: '*/*',
    ...(run.eventType === 'purchase_knife' ? { description: 'very sharp knife' } : {}),
  } as GameEvent;
}

const job = (name: string, extra: Partial<JobSummary>): JobSummary => ({
  job: name,
  topic: 'events',
  partitions: 1,
  read: 50,
  kept: 50,
  rejected: 0,
  rejects: [],
  columns: [],
  tables: [],
  ...extra,
});

const cell = (tag: string, text: string, extra: Partial<CodeCell> = {}): CodeCell => ({
  number: 1,
  executionCount: 1,
  tags: [tag],
  source: '',
  text,
  failure: null,
  media: [],
  ...extra,
});

/** The evidence of a clean full run: ten requests per bench run, every step done. */
function fullRun(): Evidence {
  const events = BENCH_RUNS.flatMap((run) => Array.from({ length: 10 }, () => event(run)));
  const digest = digestEvents(events);
  const tables = Object.entries(digest.byType).map(([type, count]) => ({
    where: { column: 'event_type', value: type },
    count,
    shown: Array.from({ length: Math.min(count, 20) }, () => ({ Host: 'moe', event_type: type })),
  }));
  const accessLog = BENCH_RUNS.flatMap((run) =>
    Array.from({ length: 10 }, () => `127.0.0.1 - - [02/Aug/2018 04:13:14] "GET ${run.path} HTTP/1.0" 200 -`),
  ).join('\n');
  return {
    kafka: { up: true, clusterId: 'c1', brokers: 1 },
    hdfs: { up: true, endpoint: 'http://127.0.0.1:9870' },
    topic: { name: 'events', messages: 50, digest },
    accessLog,
    followerLines: 50,
    jobs: {
      separate_events: job('separate_events', { tables }),
      just_filtering: job('just_filtering', {
        columns: ['Accept', 'Host', 'User-Agent', 'event_type', 'timestamp'],
      }),
    },
    purchases: {
      dir: '/tmp/purchases',
      entries: [
        { name: '_SUCCESS', bytes: 0 },
        { name: PART, bytes: 1284 },
      ],
      parquet: {
        rows: 10,
        eventTypes: ['purchase_sword'],
        byType: { purchase_sword: 10 },
        columns: ['Accept', 'Host'],
        digest: 'd1',
      },
    },
    listing: `-rw-r--r--   1 lab supergroup          0 2026-11-29 08:00 /tmp/purchases/_SUCCESS\n-rw-r--r--   1 lab supergroup       1284 2026-11-29 08:00 /tmp/purchases/${PART}`,
    notebook: [
      cell('query', '10\n'),
      cell(
        'describe',
        [
          '       Accept               Host       User-Agent      event_type                timestamp',
          'count      10                 10               10              10                       10',
          'unique      1                  1                1               1                       10',
          'top       */*  user1.comcast.com  ApacheBench/2.3  purchase_sword  2026-11-29 08:06:47.213',
          'freq       10                 10               10              10                        1',
        ].join('\n'),
      ),
      cell('chart', '', { media: [{ 'image/svg+xml': '<svg></svg>' }] }),
    ],
  };
}

const failing = (evidence: Evidence) =>
  gradeEvidence(evidence)
    .filter((c) => !c.pass)
    .map((c) => `${c.step} ${c.check}: ${c.evidence}`);

describe('Walkthrough > checks > gradeEvidence', () => {
  it('passes all 23 checks of a clean full run, in step order', () => {
    const checks = gradeEvidence(fullRun());
    assert.equal(checks.length, 23, 'one check per fact');
    assert.deepEqual(failing(fullRun()), [], 'nothing fails');
    const steps = checks.map((c) => Number(c.step));
    assert.deepEqual(
      steps,
      [...steps].sort((a, b) => a - b),
      'in step order',
    );
  });

  it('fails the service checks, naming step 1, when Kafka and HDFS are down', () => {
    const evidence = fullRun();
    evidence.kafka = { up: false, error: 'Kafka is not reachable at 127.0.0.1:9092' };
    evidence.hdfs = { up: false, error: 'ECONNREFUSED' };
    const failed = failing(evidence);
    assert.ok(
      failed.some((f) => /^1 Kafka answers.*run step 1/.test(f)),
      failed.join('\n'),
    );
    assert.ok(
      failed.some((f) => /^1 HDFS answers.*run step 1/.test(f)),
      failed.join('\n'),
    );
  });

  it('explains a rerun of step 5 instead of failing', () => {
    const evidence = fullRun();
    evidence.topic.digest.byTypeAndHost['purchase_sword user1.comcast.com'] = 20;
    const check = gradeEvidence(evidence).find(
      (c) => c.check === 'purchase_sword events from user1.comcast.com',
    );
    assert.equal(check?.pass, true);
    assert.match(check?.evidence ?? '', /20 .* = 2 runs of step 5/);
  });

  it('fails step 4 when the kafkacat window missed events', () => {
    const evidence = fullRun();
    evidence.followerLines = 40;
    assert.deepEqual(failing(evidence), [
      '4 the kafkacat window shows every event: 40 JSON lines in the window, 50 messages in events: run step 4 (npm run lab:step-4) before step 5',
    ]);
  });

  it('fails step 6 when a type has no table, or a table is not munged', () => {
    const evidence = fullRun();
    evidence.jobs.separate_events!.tables.pop();
    assert.match(failing(evidence)[0], /^6 .*4 tables shown for 5 event types \(purchase_knife wrong\)/);
    const unmunged = fullRun();
    unmunged.jobs.separate_events!.tables[0].shown[0] = { Host: 'user1.comcast.com' };
    assert.match(failing(unmunged)[0], /^6 .*\(default wrong\)/);
    const missing = fullRun();
    delete missing.jobs.separate_events;
    assert.match(failing(missing)[0], /^6 .*separate_events has not run: run step 6/);
  });

  it('fails step 7 when the schema is not the union of the sword purchases’ fields', () => {
    const evidence = fullRun();
    evidence.jobs.just_filtering!.columns = ['Host', 'event_type', 'timestamp'];
    assert.match(failing(evidence)[0], /^7 .*expected \[Accept, Host, User-Agent, event_type, timestamp\]/);
  });

  it('fails step 8 on a missing _SUCCESS, a second part, or rows that are not the swords', () => {
    const evidence = fullRun();
    evidence.purchases.entries = [{ name: PART, bytes: 1 }];
    assert.match(failing(evidence)[0], /^8 .*found \[part-00000-.*\]: run step 8/);
    const wrongRows = fullRun();
    wrongRows.purchases.parquet = {
      rows: 9,
      eventTypes: ['purchase_sword'],
      byType: { purchase_sword: 9 },
      columns: [],
      digest: 'd1',
    };
    assert.match(
      failing(wrongRows)[0],
      /^8 the Parquet rows .*9 rows \(all purchase_sword\), 10 sword purchases/,
    );
  });

  it('fails step 9 when the listing lacks the part file', () => {
    const evidence = fullRun();
    evidence.listing = '/tmp/purchases/_SUCCESS';
    assert.match(failing(evidence)[0], /^9 .*run step 9/);
  });

  it('fails step 10 on a failed cell, a wrong count, describe counts off, or no chart', () => {
    const evidence = fullRun();
    evidence.notebook![0] = cell('query', '9\n', { failure: 'SqlError: boom' });
    evidence.notebook![2] = cell('chart', '');
    const failed = failing(evidence);
    assert.equal(failed.length, 3, failed.join('\n'));
    assert.match(failed[0], /^10 the notebook ran without errors: cell 1: SqlError: boom/);
    assert.match(
      failed[1],
      /^10 the SQL query .*expected 10 rows of user1\.comcast\.com, the query counted 9/,
    );
    assert.match(failed[2], /^10 the chart .*no chart output/);
    const unrun = fullRun();
    unrun.notebook = null;
    assert.match(failing(unrun)[0], /^10 the notebook ran: no executed notebook: run step 10/);
  });
});

describe('Walkthrough > checks > gradeEvidence with --engine spark', () => {
  const sword = {
    Accept: '*/*',
    Host: 'user1.comcast.com',
    'User-Agent': 'ApacheBench/2.3',
    event_type: 'purchase_sword',
  };
  const timestamps = Array.from({ length: 10 }, (_, i) => `2026-11-29 08:06:47.${200 + i}`);

  /** A full run whose steps 6-8 ran the walkthrough's PySpark programs. */
  function sparkRun(): Evidence {
    const evidence = fullRun();
    evidence.jobs.just_filtering!.tables = [
      { count: 10, shown: timestamps.map((timestamp) => ({ ...sword, timestamp })) },
    ];
    evidence.spark = {
      separate_events: {
        exitCode: 1,
        output:
          "java.lang.IllegalStateException: Input row doesn't have expected number of values required by the schema. 6 fields are required while 7 values are provided.",
      },
      just_filtering: {
        exitCode: 0,
        columns: ['timestamp', 'event_type', 'Host', 'User-Agent', 'Accept'],
        // show() cuts the 23-character timestamps to 17 and "...", and shows rows in its own order
        shown: timestamps.reverse().map((t) => ({ ...sword, timestamp: `${t.slice(0, 17)}...` })),
      },
      typescriptPurchases: { ...structuredClone(fullRun().purchases), dir: '/tmp/purchases_typescript' },
    };
    return evidence;
  }

  it("passes a run where separate_events.py broke on the schemas and Spark's rows equal the lab's", () => {
    const checks = gradeEvidence(sparkRun());
    assert.deepEqual(failing(sparkRun()), []);
    assert.deepEqual(
      checks.filter((c) => ['6', '7', '8'].includes(c.step)).map((c) => `${c.step} ${c.check}`),
      [
        '6 separate_events.py breaks on two schemas, as the walkthrough warns',
        '7 just_filtering: printSchema() has the union columns',
        "7 just_filtering.py prints the lab's columns and rows",
        '8 /tmp/purchases has _SUCCESS and its Parquet parts',
        '8 the Parquet rows are exactly the sword purchases',
        "8 filtered_writes.py wrote the lab's rows",
      ],
    );
  });

  it('fails step 6 when separate_events.py succeeded, or failed for another reason', () => {
    const succeeded = sparkRun();
    succeeded.spark!.separate_events = { exitCode: 0, output: '' };
    assert.match(failing(succeeded)[0], /^6 .*one schema only; run step 5/);
    const other = sparkRun();
    other.spark!.separate_events = { exitCode: 1, output: 'Connection refused' };
    assert.match(failing(other)[0], /^6 .*exited with 1, but not on the schemas/);
  });

  it("fails step 7 when Spark's rows or columns differ from the lab's", () => {
    const rows = sparkRun();
    rows.spark!.just_filtering!.shown![3].Host = 'user2.att.com';
    assert.match(failing(rows)[0], /^7 just_filtering\.py .*10 rows, the lab .* 10 rows: run step 7/);
    const columns = sparkRun();
    columns.spark!.just_filtering!.columns.pop();
    assert.equal(failing(columns).length, 1);
    const died = sparkRun();
    died.spark!.just_filtering = { exitCode: 1, columns: [], shown: null };
    assert.match(failing(died)[0], /^7 .*spark-submit exited with 1/);
  });

  it('fails step 8 when the two writers wrote different values', () => {
    const evidence = sparkRun();
    evidence.spark!.typescriptPurchases!.parquet!.digest = 'd2';
    assert.match(
      failing(evidence)[0],
      /^8 filtered_writes\.py .*10 rows in \/tmp\/purchases, 10 in .*different values/,
    );
  });
});

describe('Walkthrough > checks > digestEvents', () => {
  it('counts per type and host, the sword fields, and non-null values of the queried host', () => {
    const digest = digestEvents([
      { event_type: 'purchase_sword', Host: 'user1.comcast.com', description: null } as GameEvent,
      { event_type: 'purchase_sword', Host: 'user1.comcast.com', description: 'x' } as GameEvent,
      { event_type: 'default', Host: 'user2.att.com', extra: 'y' } as GameEvent,
    ]);
    assert.deepEqual(digest.byType, { purchase_sword: 2, default: 1 });
    assert.deepEqual(digest.swordFields, ['Host', 'description', 'event_type'], 'sorted as Spark sorts');
    assert.deepEqual(digest.queried, { rows: 2, nonNull: { event_type: 2, Host: 2, description: 1 } });
  });
});

describe('Walkthrough > checks > helpers', () => {
  it('counts one route and status in the access log, not the others', () => {
    const log = [
      '127.0.0.1 - - [02/Aug/2018 04:13:14] "GET / HTTP/1.0" 200 -',
      '127.0.0.1 - - [02/Aug/2018 04:13:19] "GET /purchase_a_sword HTTP/1.0" 503 -',
      '127.0.0.1 - - [02/Aug/2018 04:13:20] "GET /healthz HTTP/1.1" 200 -',
    ].join('\n');
    assert.equal(countRequests(log, '/'), 1, 'one 200 on /');
    assert.equal(countRequests(log, '/purchase_a_sword'), 0, 'a 503 is not a 200');
    assert.equal(countRequests(log, '/purchase_a_sword', 503), 1, 'one 503');
  });

  it('judges counts: exact, a multiple with the reason, or what to do', () => {
    assert.deepEqual(judgeCount(10, 10, 'events', 'step 5'), { pass: true, evidence: '10 events' });
    assert.match(judgeCount(30, 10, 'events', 'step 5').evidence, /3 runs of step 5/);
    assert.deepEqual(judgeCount(0, 10, 'events', 'step 5'), {
      pass: false,
      evidence: 'no events: run step 5',
    });
    assert.match(judgeCount(9, 10, 'events', 'step 5').evidence, /9 events, expected 10/);
  });

  it("reads the count row of pandas' describe() table, and nothing else", () => {
    const table = [
      '       Accept  Host',
      'count      10     9',
      'unique      1     1',
      'top       */*     h',
      'freq       10     9',
    ].join('\n');
    assert.deepEqual(describeCounts(table), { Accept: 10, Host: 9 });
    assert.equal(describeCounts('count 3'), undefined, 'not a describe table');
  });
});
