// Gathering the grade's evidence: what Kafka and HDFS hold now, and what the run left in report/run
// (the access log, the kafkacat window, the jobs' summaries, step 9's listing, the executed notebook).
// The judging is lib/walkthrough/checks.ts.
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
import { DigestBuilder, digestEvents, type Evidence } from './checks.js';
import { readBackgroundLog, readJobSummary, readStepRecord, stepOutput } from './records.js';

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
    let rows = 0;
    const eventTypes = new Set<string>();
    let columns: string[] = [];
    for (const part of parts) {
      const file = join(local, part.name);
      writeFileSync(file, await hdfs.readFile(`${dir}/${part.name}`));
      const contents = await readParquetWithDuckDb(file);
      rows += contents.rows.length;
      for (const row of contents.rows) eventTypes.add(String(row.event_type));
      columns = contents.columns.map((c) => c.name);
    }
    return { dir, entries, parquet: { rows, eventTypes: [...eventTypes], columns } };
  } finally {
    rmSync(local, { recursive: true, force: true });
  }
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
  };
}
