// npm run bench:extract [-- --events N] [--case mix|kept|both] [--spark]: how fast filtered_writes goes end
// to end, how much memory it needs as the topic grows, and what the Parquet writer choice is worth.
//   1. produce synthetic game events (the API's shape) to throwaway topics, in batches of 5,000: the
//      `mix` case, N/10 and N events of four types in turn (a quarter are sword purchases, some with a
//      `description`); the `kept` case, N sword purchases (every event kept, the most work per event);
//   2. run `labs/filtered_writes.ts` on each (a separate process under /usr/bin/time, for its wall
//      time and peak RSS), with DuckDB as the writer, and with parquetjs-lite too on the big mix;
//   3. time both writers alone on N spooled rows (at most 1,000,000);
//   4. with --spark, run the walkthrough's PySpark filtered_writes.py in Spark local mode on the same
//      big topics (scripts/bench/spark-baseline.ts), side by side, and print the ratios.
// The topics and HDFS outputs are deleted afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { logLevel } from 'kafkajs';
import { loadConfig } from '../../lib/config.js';
import { runMain, UsageError } from '../../lib/cli.js';
import { createKafka } from '../../lib/kafka/client.js';
import { createTopic, deleteTopic } from '../../lib/kafka/topics.js';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { NdjsonSpool } from '../../lib/parquet/ndjson.js';
import { PARQUET_WRITERS } from '../../lib/parquet/write-parquet.js';
import { sparkTimestampString } from '../../lib/spark/timestamp.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { timeProcess } from './gnu-time.js';
import { ensureSpark, SPARK_VERSION, timeSparkFilteredWrites } from './spark-baseline.js';

const config = loadConfig();
const kafka = createKafka(config.kafka, { level: logLevel.NOTHING });
// 5,000 API-sized events (~110 bytes each) stay under the broker's 1 MB message.max.bytes.
const BATCH = 5_000;
const IN_FLIGHT = 8;
const TYPES = ['default', 'purchase_sword', 'purchase_shield', 'join_guild'];

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `types`: in turn; `described`: the event type that sometimes carries a `description` (a second schema). */
function syntheticEvent(i: number, types: string[], described: string): string {
  const type = types[i % types.length];
  const host = i % 8 < 4 ? 'user1.comcast.com' : 'user2.att.com';
  const event: Record<string, string> = {
    event_type: type,
    Host: host,
    Accept: '*/*',
    'User-Agent': 'ApacheBench/2.3',
  };
  if (type === described && i % 16 === 1) event.description = 'very sharp sword';
  return JSON.stringify(event);
}

async function produceEvents(
  topic: string,
  events: number,
  types: string[],
  described: string,
): Promise<number> {
  await createTopic({ topic }, config.kafka);
  const producer = kafka.producer();
  await producer.connect();
  const started = performance.now();
  try {
    for (let first = 0; first < events; first += BATCH * IN_FLIGHT) {
      const sends = [];
      for (let start = first; start < Math.min(events, first + BATCH * IN_FLIGHT); start += BATCH) {
        const size = Math.min(BATCH, events - start);
        const messages = Array.from({ length: size }, (_, k) => ({
          value: syntheticEvent(start + k, types, described),
        }));
        sends.push(producer.send({ topic, acks: 1, messages }));
      }
      await Promise.all(sends);
    }
  } finally {
    await producer.disconnect();
  }
  return performance.now() - started;
}

interface JobRun {
  wallMs: number;
  peakRssKb: number;
  summary: string;
}

/** filtered_writes as a student runs it, under GNU time for its elapsed time and maximum RSS. */
async function timeFilteredWrites(topic: string, output: string, writer: string): Promise<JobRun> {
  const { wallMs, peakRssKb, stdout } = await timeProcess(
    process.execPath,
    ['--import', 'tsx', 'labs/filtered_writes.ts', '--topic', topic, '--output', output, '--writer', writer],
    { cwd: REPO_ROOT },
  );
  const summary =
    stdout.split('\n').find((l) => l.startsWith('filtered_writes summary')) ?? '(no summary line)';
  return { wallMs, peakRssKb, summary };
}

/** Both writers alone, on the same `rows` spooled rows of the filtered shape. */
async function compareWriters(rows: number): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-writers-'));
  try {
    const spool = new NdjsonSpool(join(dir, 'rows.ndjson'));
    const start = Date.UTC(2018, 7, 2, 4, 13, 14, 123);
    for (let i = 0; i < rows; i++) {
      const host = i % 2 ? 'user1.comcast.com' : 'user2.att.com';
      const timestamp = sparkTimestampString(start + i * 7, 'UTC'); // a different time on every row, as in a real topic
      await spool.write([
        {
          Accept: '*/*',
          Host: host,
          'User-Agent': 'ApacheBench/2.3',
          event_type: 'purchase_sword',
          timestamp,
        },
      ]);
    }
    await spool.close();
    const columns = ['Accept', 'Host', 'User-Agent', 'event_type', 'timestamp'];
    const lines = [];
    for (const [name, write] of Object.entries(PARQUET_WRITERS)) {
      const started = performance.now();
      const { bytes } = await write(spool.path, columns, join(dir, `${name}.parquet`));
      lines.push(
        `  ${name.padEnd(15)} ${count(rows)} rows × 5 string columns: ${seconds(performance.now() - started)}, ${megabytes(bytes)}`,
      );
    }
    return lines;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface BenchCase {
  name: 'mix' | 'kept';
  events: number;
  types: string[];
  topic: string;
  writers: string[];
  /** the walkthrough's program on it too, with --spark */
  spark: boolean;
  /** filtered_writes --writer duckdb's wall time */
  oursMs?: number;
  peakRssKb?: number;
  sparkMs: Partial<Record<'default' | 'quiet', number>>;
  sparkRssKb?: number;
}

const CASE_TITLES: Record<BenchCase['name'], string> = {
  mix: '25 % kept (4 types in turn)',
  kept: 'every event kept (all sword purchases)',
};

function benchCases(events: number, which: string, id: string): BenchCase[] {
  const cases: BenchCase[] = [];
  const add = (name: BenchCase['name'], n: number, types: string[], writers: string[], spark: boolean) =>
    cases.push({
      name,
      events: n,
      types,
      topic: `bench-extract-${id}-${name}-${n}`,
      writers,
      spark,
      sparkMs: {},
    });
  if (which !== 'kept') {
    add('mix', Math.round(events / 10), TYPES, ['duckdb'], false);
    add('mix', events, TYPES, ['duckdb', 'parquetjs-lite'], true);
  }
  if (which !== 'mix') add('kept', events, ['purchase_sword'], ['duckdb'], true);
  return cases;
}

async function bench(events: number, which: string, withSpark: boolean): Promise<void> {
  const id = randomBytes(4).toString('hex');
  const cases = benchCases(events, which, id);
  const folder = `/tmp/bench-extract-${id}`;
  const hdfs = new HdfsClient(config.hdfs);
  // The original program infers its schema from the first purchase and fails on a purchase with
  // fewer fields ("6 fields are required while 5 values are provided"), so for a run Spark can
  // finish the second schema goes to shield purchases, as the walkthrough's knife had it.
  const described = withSpark ? 'purchase_shield' : 'purchase_sword';
  if (withSpark) ensureSpark((line) => console.log(line));
  console.log(
    `bench:extract: filtered_writes on ${cases.map((c) => `${count(c.events)} events, ${CASE_TITLES[c.name]}`).join('; ')}`,
  );
  try {
    for (const c of cases) {
      const ms = await produceEvents(c.topic, c.events, c.types, described);
      console.log(
        `produced ${count(c.events)} events to ${c.topic} in ${seconds(ms)} (${count(Math.round(c.events / (ms / 1000)))} events/s)`,
      );
    }
    for (const c of cases) {
      for (const writer of c.writers) {
        const result = await timeFilteredWrites(c.topic, `${folder}/${c.name}-${writer}-${c.events}`, writer);
        if (writer === 'duckdb') Object.assign(c, { oursMs: result.wallMs, peakRssKb: result.peakRssKb });
        const rate = Math.round(c.events / (result.wallMs / 1000));
        console.log(
          `filtered_writes --writer ${writer.padEnd(14)} ${count(c.events).padStart(11)} events, ${c.name}: ${seconds(result.wallMs)} end to end ` +
            `(${count(rate)} events/s), peak RSS ${megabytes(result.peakRssKb * 1024)}`,
        );
        console.log(`  ${result.summary}`);
      }
    }
    if (withSpark) {
      const variants: ['default' | 'quiet', string][] = [
        ['default', 'default logging'],
        ['quiet', 'per-record Kafka warning off'],
      ];
      for (const c of cases.filter((c) => c.spark)) {
        for (const [variant, logging] of variants) {
          const spark = await timeSparkFilteredWrites(
            config,
            c.topic,
            `${folder}/spark-${c.name}-${c.events}`,
            variant === 'quiet',
          );
          c.sparkMs[variant] = spark.wallMs;
          c.sparkRssKb = Math.max(c.sparkRssKb ?? 0, spark.peakRssKb);
          console.log(
            `spark-submit filtered_writes.py (Spark ${SPARK_VERSION}, local[*], ${logging}) ${count(c.events)} events, ${c.name}: ` +
              `${seconds(spark.wallMs)} end to end (${count(Math.round(c.events / (spark.wallMs / 1000)))} events/s), ` +
              `peak RSS ${megabytes(spark.peakRssKb * 1024)}`,
          );
          console.log(
            `  JVM + Python + SparkSession ${seconds(spark.startMs)}, job (read, filter, infer, show, write) ` +
              `${seconds(spark.jobMs)}, stop ${seconds(spark.stopMs)}`,
          );
        }
      }
    }
    // on at most a million rows: parquetjs-lite takes minutes per ten million
    console.log('Parquet writers alone:');
    for (const line of await compareWriters(Math.min(events, 1_000_000))) console.log(line);
    printSummary(cases, withSpark);
  } finally {
    for (const c of cases) await deleteTopic(c.topic, config.kafka).catch(() => undefined);
    await hdfs.remove(folder);
  }
}

/** One table of the run: each case's wall time and peak memory, ours beside Spark's, and the ratios. */
function printSummary(cases: BenchCase[], withSpark: boolean): void {
  const rows = cases.map((c) => ({
    case: `${c.name} (${CASE_TITLES[c.name]})`,
    events: count(c.events),
    'filtered_writes.ts': c.oursMs === undefined ? '-' : seconds(c.oursMs),
    'its peak RSS': c.peakRssKb === undefined ? '-' : megabytes(c.peakRssKb * 1024),
    ...(withSpark && {
      'Spark (default log)': c.sparkMs.default === undefined ? '-' : seconds(c.sparkMs.default),
      'Spark (quiet)': c.sparkMs.quiet === undefined ? '-' : seconds(c.sparkMs.quiet),
      "Spark's peak RSS": c.sparkRssKb === undefined ? '-' : megabytes(c.sparkRssKb * 1024),
      'ours faster':
        c.oursMs && c.sparkMs.default && c.sparkMs.quiet
          ? `${(c.sparkMs.default / c.oursMs).toFixed(1)}× (${(c.sparkMs.quiet / c.oursMs).toFixed(1)}× quiet)`
          : '-',
    }),
  }));
  console.log('\nSummary (one run, side by side on this machine):');
  console.table(rows);
}

runMain(
  import.meta.url,
  {
    command: 'npm run bench:extract --',
    summary:
      "filtered_writes end to end on synthetic topics (25 % kept, and every event kept), its peak memory, the Parquet writers alone, and with --spark the walkthrough's PySpark program side by side.",
    options: {
      events: { type: 'string', value: 'N', help: 'events in the big topics (default: 1000000)' },
      case: { type: 'string', value: 'mix|kept|both', help: 'which topics (default: both)' },
      spark: {
        type: 'boolean',
        help: "the walkthrough's filtered_writes.py in Spark local[*] on the same topics",
      },
    },
  },
  async ({ values }) => {
    const events = Number(values.events ?? 1_000_000);
    if (!Number.isInteger(events) || events < 10)
      throw new UsageError(`--events ${String(values.events)} is not a count, e.g. --events 100000`);
    const which = String(values.case ?? 'both');
    if (!['mix', 'kept', 'both'].includes(which))
      throw new UsageError(`--case ${which}: use mix, kept or both`);
    await bench(events, which, values.spark === true);
  },
);
