// The grade of a run: each step's EVIDENCE (what is in Kafka, HDFS, the logs and the printed tables),
// not its exit code. Used by `npm run lab` after the steps and by `npm run lab:grade` on its own.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEventValue, type GameEvent } from '../../lib/events/event.js';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { readBounded } from '../../lib/kafka/bounded-read.js';
import { createKafka, describeCluster } from '../../lib/kafka/client.js';
import { readParquetWithDuckDb } from '../../lib/parquet/readers.js';
import { compareNames } from '../../lib/spark/schema.js';
import {
  countRequests,
  judgeCount,
  parseSchemaFields,
  parseShowTables,
} from '../../lib/walkthrough/evidence.js';
import type { Check } from '../../lib/walkthrough/grade.js';
import { describeCounts, notebookEvidence } from '../../lib/walkthrough/notebook-evidence.js';
import { BENCH_RUNS, REQUESTS_PER_RUN } from '../../lib/walkthrough/plan.js';
import { EXECUTED_NOTEBOOK } from '../steps/10-notebook.js';
import { PURCHASES_DIR, topicSize } from './prerequisites.js';
import { readBackgroundLog, readStepRecord, stepOutput } from './records.js';
import type { StepEnvironment } from './step.js';

const SHOW_LIMIT = 20; // show() prints at most 20 rows
const pass = (evidence: string) => ({ pass: true, evidence });
const fail = (evidence: string) => ({ pass: false, evidence });
const count = <T>(items: T[], predicate: (item: T) => boolean) => items.filter(predicate).length;

async function readEvents(env: StepEnvironment): Promise<GameEvent[]> {
  const events: GameEvent[] = [];
  await readBounded(createKafka(env.config.kafka), env.config.kafka.topic, (records) => {
    for (const record of records) {
      const parsed = parseEventValue(record.value);
      if (parsed.ok) events.push(parsed.event);
    }
  });
  return events;
}

async function readPurchases(hdfs: HdfsClient, partPath: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lab-grade-'));
  try {
    const local = join(dir, 'part.parquet');
    writeFileSync(local, await hdfs.readFile(partPath));
    return await readParquetWithDuckDb(local);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function gradeRun(env: StepEnvironment): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (step: number, name: string, verdict: { pass: boolean; evidence: string }) =>
    checks.push({ step: String(step), check: name, ...verdict });
  const { topic } = env.config.kafka;
  const rerun = (step: number) => `step ${step} (npm run lab:step-${step})`;

  // Step 1: both services answer.
  let kafkaUp = false;
  try {
    const cluster = await describeCluster(env.config.kafka);
    kafkaUp = true;
    check(
      1,
      'Kafka answers a metadata request',
      pass(`cluster ${cluster.clusterId}, ${cluster.brokers.length} broker`),
    );
  } catch (err) {
    check(1, 'Kafka answers a metadata request', fail(`${(err as Error).message}: run ${rerun(1)}`));
  }
  const hdfs = new HdfsClient(env.config.hdfs);
  let hdfsUp = false;
  try {
    await hdfs.list('/');
    hdfsUp = true;
    check(1, 'HDFS answers over WebHDFS', pass(`${hdfs.endpoint} lists /`));
  } catch (err) {
    check(1, 'HDFS answers over WebHDFS', fail(`${(err as Error).message}: run ${rerun(1)}`));
  }

  // Step 2: the topic; step 5: what is in it.
  let events: GameEvent[] = [];
  const size = kafkaUp ? await topicSize(env) : null;
  check(
    2,
    `topic ${topic} exists`,
    size === null ? fail(`no topic ${topic}: run ${rerun(2)}`) : pass(`${topic} holds ${size} messages`),
  );
  if (size !== null) events = await readEvents(env);
  for (const run of BENCH_RUNS) {
    const found = count(events, (e) => e.event_type === run.eventType && e.Host === run.host);
    check(
      5,
      `${run.eventType} events from ${run.host}`,
      judgeCount(found, REQUESTS_PER_RUN, `${run.eventType} events from ${run.host} in ${topic}`, rerun(5)),
    );
  }

  // Step 3: the API's access log shows the 200s.
  const accessLog = readBackgroundLog(env, 'game_api');
  for (const run of BENCH_RUNS) {
    const found = countRequests(accessLog, run.path);
    check(
      3,
      `access log: 200s for GET ${run.path}`,
      judgeCount(found, REQUESTS_PER_RUN, `"GET ${run.path} HTTP/1.0" 200 lines`, rerun(5)),
    );
  }

  // Step 4: the kafkacat window saw every event.
  const windowLines = count(readBackgroundLog(env, 'kafka_follower').split('\n'), (l) => l.startsWith('{'));
  check(
    4,
    'the kafkacat window shows every event',
    windowLines > 0 && windowLines === events.length
      ? pass(`${windowLines} JSON lines, as many as events in ${topic}`)
      : fail(
          `${windowLines} JSON lines in the window, ${events.length} events in ${topic}: run ${rerun(4)} before step 5`,
        ),
  );

  // Step 6: one table per event type, each holding only that type.
  const types = [...new Set(events.map((e) => e.event_type))].sort();
  const tables = parseShowTables(stepOutput(readStepRecord(env.runDir, 6)));
  const tableTypes = tables.map((t) => {
    const column = t.columns.indexOf('event_type');
    const values = new Set(t.rows.map((r) => r[column]));
    return values.size === 1 ? [...values][0] : undefined;
  });
  const perType = types.map((type) => {
    const expected = Math.min(
      count(events, (e) => e.event_type === type),
      SHOW_LIMIT,
    );
    const table = tables[tableTypes.indexOf(type)];
    return {
      type,
      ok:
        table !== undefined &&
        table.rows.length === expected &&
        table.rows.every((r) => r[table.columns.indexOf('Host')] === 'moe'),
    };
  });
  check(
    6,
    'separate_events: one munged table per event type',
    types.length > 0 && tables.length === types.length && perType.every((p) => p.ok)
      ? pass(`${tables.length} tables: ${types.join(', ')}; Host munged to "moe"`)
      : fail(
          `${tables.length} tables printed for ${types.length} event types (${
            perType
              .filter((p) => !p.ok)
              .map((p) => p.type)
              .join(', ') || 'none'
          } wrong): run ${rerun(6)}`,
        ),
  );

  // Step 7: the schema is the union of the sword purchases' fields plus the timestamp.
  const swords = events.filter((e) => e.event_type === 'purchase_sword');
  const expectedFields = [...new Set([...swords.flatMap((e) => Object.keys(e)), 'timestamp'])].sort(
    compareNames,
  );
  const printed = parseSchemaFields(stepOutput(readStepRecord(env.runDir, 7)));
  check(
    7,
    'just_filtering: printSchema() has the union columns',
    swords.length > 0 && printed.join(',') === expectedFields.join(',')
      ? pass(`root: ${printed.join(', ')}`)
      : fail(`printed [${printed.join(', ')}], expected [${expectedFields.join(', ')}]: run ${rerun(7)}`),
  );

  // Step 8: /tmp/purchases is a Spark-like directory with exactly the sword purchases.
  if (hdfsUp) {
    const entries = (await hdfs.stat(PURCHASES_DIR)) ? await hdfs.list(PURCHASES_DIR) : [];
    const success = entries.find((e) => e.pathSuffix === '_SUCCESS');
    const parts = entries.filter((e) =>
      /^part-00000-[0-9a-f-]{36}-c000\.snappy\.parquet$/.test(e.pathSuffix),
    );
    check(
      8,
      `${PURCHASES_DIR} has _SUCCESS and one Parquet part`,
      success && success.length === 0 && parts.length === 1 && entries.length === 2
        ? pass(`_SUCCESS (0 bytes) and ${parts[0].pathSuffix} (${parts[0].length} bytes)`)
        : fail(`found [${entries.map((e) => e.pathSuffix).join(', ') || 'nothing'}]: run ${rerun(8)}`),
    );
    if (parts.length === 1) {
      const contents = await readPurchases(hdfs, `${PURCHASES_DIR}/${parts[0].pathSuffix}`);
      const purchaseRows = contents.rows.length;
      const allSwords = contents.rows.every((r) => r.event_type === 'purchase_sword');
      check(
        8,
        'the Parquet rows are exactly the sword purchases',
        allSwords && purchaseRows === swords.length && swords.length > 0
          ? pass(
              `${purchaseRows} rows, all purchase_sword, columns ${contents.columns.map((c) => c.name).join(', ')}`,
            )
          : fail(
              `${purchaseRows} rows (${allSwords ? 'all' : 'not all'} purchase_sword), ${swords.length} sword purchases in ${topic}: run ${rerun(8)}`,
            ),
      );
    }
  }

  // Step 9: hadoop fs -ls saw them.
  const listing = stepOutput(readStepRecord(env.runDir, 9));
  check(
    9,
    'hadoop fs -ls lists _SUCCESS and the part file',
    /\/tmp\/purchases\/_SUCCESS/.test(listing) &&
      /\/tmp\/purchases\/part-00000-\S+\.snappy\.parquet/.test(listing)
      ? pass('both listed under /tmp/purchases/')
      : fail(`not in the listing: run ${rerun(9)}`),
  );

  // Step 10: the notebook's query and describe().
  const executed = join(env.runDir, EXECUTED_NOTEBOOK);
  const user1 = count(swords, (e) => e.Host === 'user1.comcast.com');
  if (!existsSync(executed)) {
    check(10, 'the notebook ran', fail(`no executed notebook at ${executed}: run ${rerun(10)}`));
  } else {
    const evidence = notebookEvidence(readFileSync(executed, 'utf8'));
    check(
      10,
      'the notebook ran without errors',
      evidence.errors.length === 0
        ? pass('no error outputs')
        : fail(`${evidence.errors.join('; ')}: run ${rerun(10)}`),
    );
    const queryTable = evidence.cells
      .flatMap((cell) => parseShowTables(cell.text))
      .filter((t) => t.columns.includes('Host') && t.rows.length > 0)
      .find(
        (t, _i, all) =>
          t !== all[0] && t.rows.every((r) => r[t.columns.indexOf('Host')] === 'user1.comcast.com'),
      );
    check(
      10,
      'the SQL query returned the user1.comcast.com rows',
      queryTable && queryTable.rows.length === Math.min(user1, SHOW_LIMIT) && user1 > 0
        ? pass(`${queryTable.rows.length} rows, all Host = user1.comcast.com`)
        : fail(
            `expected ${user1} rows of user1.comcast.com, found ${queryTable?.rows.length ?? 'no table'}: run ${rerun(10)}`,
          ),
    );
    // pandas counts the non-null values of each column: a field some events lack counts fewer
    const user1Rows = swords.filter((e) => e.Host === 'user1.comcast.com');
    const expectedCount = (column: string) =>
      column === 'timestamp'
        ? user1Rows.length
        : count(user1Rows, (e) => e[column] !== undefined && e[column] !== null);
    const counts = evidence.cells.map((cell) => describeCounts(cell.text)).find(Boolean);
    const wrong = Object.entries(counts ?? {}).filter(([column, n]) => n !== expectedCount(column));
    check(
      10,
      "describe()'s counts match the query",
      counts && Object.keys(counts).length > 0 && wrong.length === 0 && user1 > 0
        ? pass(`count = ${user1} for ${Object.keys(counts).join(', ')}`)
        : fail(
            counts
              ? `describe counts ${JSON.stringify(counts)}; expected ${wrong.map(([c]) => `${c}: ${expectedCount(c)}`).join(', ') || `${user1} rows`}: run ${rerun(10)}`
              : `no describe() table in the notebook output: run ${rerun(10)}`,
          ),
    );
    check(
      10,
      'the chart is in the notebook',
      evidence.hasChart ? pass('an SVG chart output') : fail(`no chart output: run ${rerun(10)}`),
    );
  }
  // by step, in the walkthrough's order (stable: checks of one step keep theirs)
  return checks.sort((a, b) => Number(a.step) - Number(b.step));
}
