// Gathering the grade's evidence: what Kafka and HDFS hold now, and what the run left in report/run
// (the access log, the kafkacat window, the jobs' summaries, step 9's listing, the executed notebook).
// The judging is lib/walkthrough/checks.ts.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabConfig } from '../config.js';
import { parseEvent } from '../events/event.js';
import { interruptedSwap } from '../hdfs/atomic-output.js';
import { HdfsClient } from '../hdfs/hdfs-client.js';
import { codeCells } from '../jupyter/executed-notebook.js';
import { readBounded } from '../kafka/bounded-read.js';
import { createKafka, describeCluster } from '../kafka/client.js';
import { countMessages, topicExists } from '../kafka/topics.js';
import { readParquetWithDuckDb } from '../parquet/readers.js';
import { parseSchemaFields, parseShowTables } from '../spark/spark-text.js';
import { DigestBuilder, digestEvents, type Evidence, type SparkEvidence } from './checks.js';
import { typescriptPurchasesDir } from './plan.js';
import {
  readBackgroundLog,
  readJobSummary,
  readStepRecord,
  stepOutput,
  type CommandRecord,
  type StepRecord,
} from './records.js';

/** The executed copy of the notebook that step 10 leaves in report/run. */
export const EXECUTED_NOTEBOOK = 'querying-purchases.executed.ipynb';

const message = (err: unknown) => (err instanceof Error ? err.message.split('\n')[0] : String(err));

async function topicEvidence(config: LabConfig['kafka']): Promise<Evidence['topic']> {
  const digest = new DigestBuilder();
  const exists = await topicExists(config.topic, config);
  if (exists) {
    await readBounded(createKafka(config), config.topic, (records) => {
      for (const record of records) {
        const parsed = parseEvent(record.value);
        if (parsed.ok) digest.add(parsed.event);
      }
    });
  }
  return {
    name: config.topic,
    messages: exists ? await countMessages(config.topic, config) : null,
    digest: digest.digest,
  };
}

async function purchasesEvidence(hdfs: HdfsClient, dir: string): Promise<Evidence['purchases']> {
  if (!(await hdfs.stat(dir))) {
    return { dir, entries: null, parquet: null, interrupted: await interruptedSwap(hdfs, dir) };
  }
  const entries = (await hdfs.list(dir)).map((e) => ({ name: e.pathSuffix, bytes: e.length }));
  const parts = entries.filter((e) => e.name.endsWith('.parquet'));
  if (parts.length === 0) return { dir, entries, parquet: null };
  const local = mkdtempSync(join(tmpdir(), 'lab-grade-'));
  try {
    const byType: Record<string, number> = {};
    // each row as its values by column name, so that two writers' rows compare whatever their order
    const canonical: string[] = [];
    let columns: string[] = [];
    for (const part of parts) {
      const file = join(local, part.name);
      writeFileSync(file, await hdfs.readFile(`${dir}/${part.name}`));
      const contents = await readParquetWithDuckDb(file);
      for (const row of contents.rows) {
        const type = String(row.event_type);
        byType[type] = (byType[type] ?? 0) + 1;
        canonical.push(
          JSON.stringify(
            Object.keys(row)
              .sort()
              .map((name) => [name, row[name]]),
          ),
        );
      }
      columns = contents.columns.map((c) => c.name);
    }
    const digest = createHash('sha256').update(canonical.sort().join('\n')).digest('hex');
    return {
      dir,
      entries,
      parquet: { rows: canonical.length, eventTypes: Object.keys(byType), byType, columns, digest },
    };
  } finally {
    rmSync(local, { recursive: true, force: true });
  }
}

/** What `spark-submit labs/spark/<program>` printed in a step run with --engine spark. */
function sparkRun(record: StepRecord | undefined, program: string): CommandRecord | undefined {
  if (record?.engine !== 'spark') return undefined;
  return record.commands.find((c) => c.command === `spark-submit labs/spark/${program}`);
}

async function sparkEvidence(
  config: LabConfig,
  runDir: string,
  hdfs: HdfsClient | undefined,
): Promise<SparkEvidence | undefined> {
  const separate = sparkRun(readStepRecord(runDir, 6), 'separate_events.py');
  const filtering = sparkRun(readStepRecord(runDir, 7), 'just_filtering.py');
  const writes = sparkRun(readStepRecord(runDir, 8), 'filtered_writes.py');
  if (!separate && !filtering && !writes) return undefined;
  const table = filtering && parseShowTables(filtering.output)[0];
  return {
    ...(separate && { separate_events: { exitCode: separate.exitCode, output: separate.output } }),
    ...(filtering && {
      just_filtering: {
        exitCode: filtering.exitCode,
        columns: parseSchemaFields(filtering.output),
        shown: table
          ? table.rows.map((cells) => Object.fromEntries(table.columns.map((c, i) => [c, cells[i]])))
          : null,
      },
    }),
    ...(writes &&
      hdfs && {
        typescriptPurchases: await purchasesEvidence(hdfs, typescriptPurchasesDir(config.hdfs.purchasesDir)),
      }),
  };
}

export async function gatherEvidence(config: LabConfig, runDir: string): Promise<Evidence> {
  let kafka: Evidence['kafka'];
  try {
    const cluster = await describeCluster(config.kafka);
    kafka = { up: true, clusterId: cluster.clusterId, brokers: cluster.brokers.length };
  } catch (err) {
    kafka = { up: false, error: message(err) };
  }
  const client = new HdfsClient(config.hdfs);
  let hdfs: Evidence['hdfs'];
  try {
    await client.list('/');
    hdfs = { up: true, endpoint: client.endpoint };
  } catch (err) {
    hdfs = { up: false, error: message(err) };
  }
  const executed = join(runDir, EXECUTED_NOTEBOOK);
  return {
    kafka,
    hdfs,
    topic: kafka.up
      ? await topicEvidence(config.kafka)
      : { name: config.kafka.topic, messages: null, digest: digestEvents([]) },
    accessLog: readBackgroundLog(runDir, 'game_api'),
    followerLines: readBackgroundLog(runDir, 'kafka_follower')
      .split('\n')
      .filter((line) => line.startsWith('{')).length,
    jobs: {
      separate_events: readJobSummary(runDir, 'separate_events'),
      just_filtering: readJobSummary(runDir, 'just_filtering'),
      filtered_writes: readJobSummary(runDir, 'filtered_writes'),
    },
    purchases: hdfs.up
      ? await purchasesEvidence(client, config.hdfs.purchasesDir)
      : { dir: config.hdfs.purchasesDir, entries: null, parquet: null },
    listing: stepOutput(readStepRecord(runDir, 9)),
    notebook: existsSync(executed) ? codeCells(readFileSync(executed, 'utf8')) : null,
    spark: await sparkEvidence(config, runDir, hdfs.up ? client : undefined),
  };
}
