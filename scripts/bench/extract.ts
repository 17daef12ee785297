// npm run bench:extract [-- --events N] [--spark]: how fast filtered_writes goes end to end, how much memory it
// needs as the topic grows, and what the Parquet writer choice is worth.
//   1. produce N/10 and N synthetic game events (the API's shape, four types in turn, some sword
//      purchases with a `description`) to two throwaway topics, in batches of 5,000;
//   2. run `labs/filtered_writes.ts` on each (a separate process under /usr/bin/time, for its wall
//      time and peak RSS), with DuckDB and with parquetjs-lite as the writer on the big one;
//   3. time both writers alone on N spooled rows;
//   4. with --spark, run the walkthrough's PySpark filtered_writes.py in Spark local mode on the same
//      two topics (scripts/bench/spark-baseline.ts) and compare it with the DuckDB runs.
// The topics and HDFS outputs are deleted afterwards.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { logLevel } from 'kafkajs';
import { loadConfig } from '../../lib/config.js';
import { ConfigError, describeError } from '../../lib/errors.js';
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

/** `described`: the event type that sometimes carries a `description` (a second schema). */
function syntheticEvent(i: number, described: string): string {
  const type = TYPES[i % TYPES.length];
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

async function produceEvents(topic: string, events: number, described: string): Promise<number> {
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
          value: syntheticEvent(start + k, described),
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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { events: { type: 'string', default: '1000000' }, spark: { type: 'boolean', default: false } },
  });
  const events = Number(values.events);
  if (!Number.isInteger(events) || events < 10)
    throw new ConfigError(`--events ${values.events} is not a count`, 'e.g. --events 100000');
  const id = randomBytes(4).toString('hex');
  const sizes = [Math.round(events / 10), events];
  const topics = sizes.map((n) => `bench-extract-${id}-${n}`);
  const folder = `/tmp/bench-extract-${id}`;
  const hdfs = new HdfsClient(config.hdfs);
  // The original program infers its schema from the first purchase and fails on a purchase with
  // fewer fields ("6 fields are required while 5 values are provided"), so for a run Spark can
  // finish the second schema goes to shield purchases, as the walkthrough's knife had it.
  const described = values.spark ? 'purchase_shield' : 'purchase_sword';
  if (values.spark) ensureSpark((line) => console.log(line));
  console.log(
    `bench:extract: filtered_writes on ${count(sizes[0])} and ${count(sizes[1])} synthetic events (${TYPES.length} types in turn)`,
  );
  try {
    for (const [i, n] of sizes.entries()) {
      const ms = await produceEvents(topics[i], n, described);
      console.log(
        `produced ${count(n)} events to ${topics[i]} in ${seconds(ms)} (${count(Math.round(n / (ms / 1000)))} events/s)`,
      );
    }
    const runs: [number, string][] = [
      [0, 'duckdb'],
      [1, 'duckdb'],
      [1, 'parquetjs-lite'],
    ];
    const duckdbMs: number[] = [];
    for (const [i, writer] of runs) {
      const result = await timeFilteredWrites(topics[i], `${folder}/${writer}-${sizes[i]}`, writer);
      if (writer === 'duckdb') duckdbMs[i] = result.wallMs;
      const rate = Math.round(sizes[i] / (result.wallMs / 1000));
      console.log(
        `filtered_writes --writer ${writer.padEnd(14)} ${count(sizes[i]).padStart(11)} events: ${seconds(result.wallMs)} end to end ` +
          `(${count(rate)} events/s), peak RSS ${megabytes(result.peakRssKb * 1024)}`,
      );
      console.log(`  ${result.summary}`);
    }
    if (values.spark) {
      const variants: [boolean, string][] = [
        [false, 'default logging'],
        [true, 'per-record Kafka warning off'],
      ];
      for (const [i, n] of sizes.entries()) {
        for (const [quiet, logging] of variants) {
          const spark = await timeSparkFilteredWrites(config, topics[i], `${folder}/spark-${n}`, quiet);
          console.log(
            `spark-submit filtered_writes.py (Spark ${SPARK_VERSION}, local[*], ${logging}) ${count(n)} events: ` +
              `${seconds(spark.wallMs)} end to end (${count(Math.round(n / (spark.wallMs / 1000)))} events/s), ` +
              `peak RSS ${megabytes(spark.peakRssKb * 1024)}`,
          );
          console.log(
            `  JVM + Python + SparkSession ${seconds(spark.startMs)}, job (read, filter, infer, show, write) ` +
              `${seconds(spark.jobMs)}, stop ${seconds(spark.stopMs)}; ` +
              `${(spark.wallMs / duckdbMs[i]).toFixed(1)}× filtered_writes --writer duckdb's wall time`,
          );
        }
      }
    }
    console.log('Parquet writers alone:');
    for (const line of await compareWriters(events)) console.log(line);
  } finally {
    for (const topic of topics) await deleteTopic(topic, config.kafka).catch(() => undefined);
    await hdfs.remove(folder);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(describeError(err));
    process.exit(1);
  },
);
