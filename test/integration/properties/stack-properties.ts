// The properties that need the real stack (Kafka, HDFS, the game API as a process), shared by the
// seeded tests beside this file and by `npm run test:fuzz`:
// - jobs: arbitrary records put into a topic with `kcat -P` (test/support/record-path.ts); separate_events
//   --write, just_filtering and filtered_writes (both writers) exit 0, read every record, keep or reject
//   each as the rules say, and the notebook's readParquet / readPartitioned read back what they wrote;
// - game API: arbitrary header names (a seeded vocabulary of them) and values HTTP allows; the answer is
//   200 or 4xx, never 5xx while Kafka is up; no credential in an event; every event it wrote passes the
//   jobs with no reject.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { isCredential } from '../../../lib/events/credentials.js';
import { EventParser } from '../../../lib/events/event-parser.js';
import type { GameEvent } from '../../../lib/events/event.js';
import type { JobSummary } from '../../../lib/jobs/summary.js';
import { readPartitioned } from '../../../lib/notebook/read-partitions.js';
import { readParquet } from '../../../lib/notebook/read-parquet.js';
import { REPO_ROOT } from '../../../lib/paths.js';
import { startApiProcess } from '../../support/api-process.js';
import { httpGet } from '../../support/http-get.js';
import { kcatLines } from '../../support/kcat.js';
import { checkRecordBatches, expectedRows, failed } from '../../support/record-path.js';
import { config, createTopic, deleteTopic, hdfs, produceWithKcat, randomName } from '../jobs-fixture.js';

export interface StackTotals {
  /** records put into topics, or requests sent */
  tried: number;
  /** job runs that exited with an error */
  jobFailures: number;
  /** values read back through the notebook that differ from the value kept */
  changed: number;
  /** credential values found in the topic */
  secrets: number;
}

/** Where this helper's jobs write in HDFS: below $PURCHASES_DIR's parent, or /tmp. */
const hdfsDir = (name: string) => `${config.hdfs.purchasesDir.replace(/\/[^/]*\/?$/, '') || '/tmp'}/${name}`;

/** `node --import tsx labs/<program>.ts …`, its stdout left unread; rejects with its stderr on exit ≠ 0. */
function runJob(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', `labs/${program}.ts`, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} exited ${code}: ${stderr}`)),
    ),
  );
}

/** Runs a job as a student would, its summary (LAB_RESULTS_DIR) or the failure counted. */
async function job(program: string, args: string[], totals: StackTotals): Promise<JobSummary> {
  const results = await mkdtemp(join(tmpdir(), 'property-job-'));
  try {
    // the printed tables of a wide topic run to many MB: the summary comes from LAB_RESULTS_DIR
    await runJob(program, args, { ...process.env, LAB_RESULTS_DIR: results });
    return JSON.parse(await readFile(join(results, `${program}.json`), 'utf8')) as JobSummary;
  } catch (err) {
    totals.jobFailures += 1;
    throw err;
  } finally {
    await rm(results, { recursive: true, force: true });
  }
}

/** One topic of records through every job; throws when a job fails or a count or a value is off. */
export async function checkJobs(records: readonly string[], totals: StackTotals): Promise<void> {
  const topic = randomName('property-jobs');
  const purchasesDir = hdfsDir(`${topic}-purchases`);
  const eventsDir = hdfsDir(`${topic}-events`);
  await createTopic(topic);
  try {
    await produceWithKcat(topic, [...records]);
    totals.tried += records.length;
    const parser = new EventParser();
    const kept = records.flatMap((r) => {
      const parsed = parser.parse(r);
      return parsed.ok ? [parsed.event] : [];
    });
    const purchases = kept.filter((e: GameEvent) => e.event_type === 'purchase_sword');
    const counts = (s: JobSummary, keptRows: number) => {
      assert.equal(s.read, records.length, `${s.job}: every record read`);
      assert.equal(s.rejected, records.length - kept.length, `${s.job}: records = events + rejects`);
      assert.equal(s.kept, keptRows, `${s.job}: the rows the rules keep`);
    };
    counts(await job('just_filtering', ['--topic', topic], totals), purchases.length);
    const separated = await job('separate_events', ['--topic', topic, '--write', eventsDir], totals);
    counts(separated, kept.length);
    if (kept.length > 0) {
      const table = await readPartitioned(eventsDir, { hdfs });
      assert.equal(table.rowCount, kept.length, 'readPartitioned: every event');
    }
    // the rows without Kafka's timestamp, which the broker gives
    const want = expectedRows(purchases);
    for (const writer of ['duckdb', 'parquetjs-lite']) {
      const written = await job(
        'filtered_writes',
        ['--topic', topic, '--output', purchasesDir, '--writer', writer],
        totals,
      );
      counts(written, purchases.length);
      assert.equal(written.written?.rows, purchases.length, `${writer}: rows written`);
      if (purchases.length === 0) continue;
      const table = await readParquet(purchasesDir, { hdfs });
      assert.deepEqual(
        table.columns,
        [...want.columns, 'timestamp'].sort(byCodePoint),
        `${writer}: the columns`,
      );
      want.rows.forEach((row, i) => {
        for (const column of want.columns)
          if ((table.rows[i][column] ?? null) !== row[column]) totals.changed += 1;
      });
      assert.ok(
        table.rows.every((row) => typeof row.timestamp === 'string'),
        `${writer}: every row has Kafka's timestamp`,
      );
    }
    assert.equal(totals.changed, 0, 'no value read back by readParquet differs from the value kept');
  } finally {
    await deleteTopic(topic).catch(() => undefined);
    await hdfs.remove(purchasesDir).catch(() => undefined);
    await hdfs.remove(eventsDir).catch(() => undefined);
  }
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface StackRun {
  seed: number;
  /** records (jobs) or requests (game API) to try, about */
  count: number;
  /** records per topic, at most (half on average) */
  batch?: number;
  print?: (line: string) => void;
}

/** Seeded topics of arbitrary records through the jobs, until about `count` records are tried. */
export async function jobsProperty({
  seed,
  count,
  batch = 200,
  print = console.error,
}: StackRun): Promise<StackTotals> {
  const totals: StackTotals = { tried: 0, jobFailures: 0, changed: 0, secrets: 0 };
  await checkRecordBatches('jobs', { seed, records: count, batch, print }, (records) =>
    checkJobs(records, totals),
  );
  return totals;
}

// ---- the game API --------------------------------------------------------------------------------

const TOKEN = [..."!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"];
// headers that change how the request is framed: a GET with a Content-Length waits for a body it never gets
const FRAMING = /^(content-length|transfer-encoding|connection|expect|upgrade|host|te|trailer|keep-alive)$/i;

/** Header names the test singles out: credentials, the event's own fields, the jobs' column, `__proto__`. */
const NAMED_HEADERS = [
  ...['Authorization', 'Proxy-Authorization', 'Cookie', 'X-Api-Key', 'X-Auth-Token', 'X-Session-Id'],
  ...['Timestamp', 'timestamp', 'event_type', 'Event_Type', 'Accept', 'ACCEPT', 'User-Agent', '__proto__'],
  ...['Cache-Control', 'X-Forwarded-For', 'Referer', 'Private-Token', 'X-Csrf-Token', 'constructor'],
];

/** Arbitrary names HTTP allows (RFC 9110's token), bar the framing headers. */
const tokenName = fc
  .string({ unit: fc.constantFrom(...TOKEN), minLength: 1, maxLength: 24 })
  .filter((name) => !FRAMING.test(name));

/**
 * A run's header names: a vocabulary of HEADER_VOCABULARY arbitrary tokens drawn from the seed, and the
 * named ones. A real API meets a bounded set of header names; an unbounded one would take a topic past the
 * jobs' MAX_DISTINCT_FIELDS names, past which a read rejects (counts) the records bringing new ones
 * (docs/reliability.md). Bounded below that limit, every event the API writes must be kept.
 */
export const HEADER_VOCABULARY = 600;
const headerNames = (seed: number) =>
  fc.constantFrom(...fc.sample(tokenName, { seed, numRuns: HEADER_VOCABULARY }), ...NAMED_HEADERS);

/** A field value HTTP allows: visible ASCII, space, tab, obs-text (0x80–0xFF, sent as those bytes). */
const headerValue = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    fc.constant('\t'),
    fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 60,
});

const PATHS = ['/', '/purchase_a_sword', '/join_a_guild', '/purchase_a_knife', '/nope', '/purchase_a_sword/'];

interface Request {
  path: string;
  headers: [string, string][];
}

const requests = (seed: number) =>
  fc.record({
    path: fc.constantFrom(...PATHS),
    headers: fc.array(fc.tuple(headerNames(seed), headerValue), { maxLength: 40 }),
  });

/** The request as a curl line, for a failure's report. */
const curlCommand = (url: string, r: Request) =>
  `curl -s ${r.headers.map(([n, v]) => `-H '${`${n}: ${v}`.replaceAll("'", `'\\''`)}'`).join(' ')} '${url}${r.path}'`;

/**
 * Seeded requests with arbitrary headers against the game API; then the topic: no credential, and every
 * job keeps every event it holds. A credential header carries `SECRET-n`, so any copy of one is found.
 */
export async function apiProperty({ seed, count, print = console.error }: StackRun): Promise<StackTotals> {
  const totals: StackTotals = { tried: 0, jobFailures: 0, changed: 0, secrets: 0 };
  const topic = randomName('property-api');
  await createTopic(topic);
  const api = await startApiProcess({ topic });
  let accepted = 0;
  try {
    let secret = 0;
    const result = await fc.check(
      fc.asyncProperty(requests(seed), async (r) => {
        const headers = r.headers.flatMap(([name, value]) => [
          name,
          isCredential(name, null) ? `SECRET-${++secret} ${value}` : value,
        ]);
        const response = await httpGet(`${api.url}${r.path}`, ['Host', 'property.test', ...headers]);
        totals.tried += 1;
        assert.ok(
          response.status === 200 || (response.status >= 400 && response.status < 500),
          `200 or 4xx, not ${response.status}`,
        );
        if (response.status === 200) accepted += 1;
      }),
      { seed, numRuns: count },
    );
    if (result.failed)
      failed(
        'game API',
        seed,
        result,
        (shrunk) => `the shrunk request:\n${curlCommand(api.url, shrunk)}`,
        print,
      );
    // the topic: one event per 200, none with a credential, none a job rejects
    const lines = kcatLines(config.kafka.brokers, topic);
    totals.secrets = lines.join('\n').match(/SECRET-/g)?.length ?? 0;
    assert.equal(totals.secrets, 0, 'no credential value in the topic');
    assert.ok(accepted > 0, 'some requests were accepted');
    assert.equal(lines.length, accepted, 'one event per request answered 200');
    for (const line of lines) {
      const event = JSON.parse(line) as Record<string, string>;
      for (const [name, value] of Object.entries(event))
        assert.equal(isCredential(name, value), false, `no credential field (${name})`);
    }
    for (const program of ['just_filtering', 'separate_events', 'filtered_writes']) {
      const args = ['--topic', topic];
      if (program === 'filtered_writes') args.push('--output', hdfsDir(`${topic}-purchases`));
      const s = await job(program, args, totals);
      assert.equal(s.read, accepted, `${program}: every event read`);
      assert.equal(s.rejected, 0, `${program}: no event the API wrote is rejected`);
    }
    return totals;
  } finally {
    await api.stop();
    await deleteTopic(topic).catch(() => undefined);
    await hdfs.remove(hdfsDir(`${topic}-purchases`)).catch(() => undefined);
  }
}
