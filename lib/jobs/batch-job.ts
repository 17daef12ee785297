// What the three batch jobs share: their options, the bounded read of the topic through an
// EventExtractor, the first rows kept for show(), and the closing summary line.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Kafka } from 'kafkajs';
import { loadConfig, type LabConfig } from '../config.js';
import { ConfigError, LabError } from '../errors.js';
import { createKafka, describeCluster, kafkaUnreachable } from '../kafka/client.js';
import { readBounded, type BoundedReadSummary } from '../kafka/bounded-read.js';
import type { EventExtractor } from '../events/extract.js';
import type { Row } from '../events/event.js';

export interface JobOptions {
  topic: string;
  /** HDFS directory (filtered_writes only). */
  output: string;
  /** Parquet writer by name (filtered_writes only): duckdb (default) or parquetjs-lite. */
  writer?: string;
  config: LabConfig;
  /** Where the tables and the summary go (tests capture it). */
  print: (text: string) => void;
}

/** The command line of a job: `--topic`; and for a job that writes (`writes`), `--output` and `--writer`. */
export function jobOptions(
  argv: string[],
  config: LabConfig = loadConfig(),
  { writes = false } = {},
): JobOptions {
  const usage = writes
    ? '[--topic NAME] [--output HDFS_PATH] [--writer duckdb|parquetjs-lite]'
    : '[--topic NAME]';
  const text = { type: 'string' } as const;
  const options: ParseArgsConfig['options'] = writes
    ? { topic: text, output: text, writer: text }
    : { topic: text };
  let values: { topic?: string; output?: string; writer?: string };
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true }) as { values: typeof values });
  } catch (err) {
    throw new ConfigError((err as Error).message, `options: ${usage}`);
  }
  const { topic = config.kafka.topic, output = '/tmp/purchases', writer } = values;
  return { topic, output, writer, config, print: console.log };
}

/**
 * Reads the whole topic (earliest → the high watermarks at the start), hands every row the extractor
 * keeps to `onRow`, and returns what was read.
 */
export async function readRows(
  options: JobOptions,
  extractor: EventExtractor,
  onRow: (row: Row) => void | Promise<void>,
): Promise<BoundedReadSummary> {
  await describeCluster(options.config.kafka); // fails fast with what to do, instead of kafkajs' long retries
  const kafka: Kafka = createKafka(options.config.kafka);
  try {
    return await readBounded(kafka, options.topic, async (records) => {
      for (const record of records) {
        const row = extractor.extract(record);
        if (row) await onRow(row);
      }
    });
  } catch (err) {
    if (err instanceof LabError) throw err;
    const name = (err as Error)?.name ?? '';
    if (/Connection|NumberOfRetriesExceeded|BrokerNotFound/.test(name))
      throw kafkaUnreachable(options.config.kafka.brokers, err);
    throw err;
  }
}

/** The first rows, as many as show() prints plus one (so it knows to say "only showing top 20 rows"). */
export class ShowSample {
  readonly rows: Row[] = [];
  constructor(private readonly limit = 21) {}
  add(row: Row): void {
    if (this.rows.length < this.limit) this.rows.push(row);
  }
}

export interface JobCounts {
  job: string;
  read: BoundedReadSummary;
  extractor: EventExtractor;
  written: number;
  /** Where the rows went, for filtered_writes. */
  destination?: string;
}

/** `summary: read 43, kept 10, rejected 3, written 10 …` and, when any, the rejected records. */
export function summaryText({ job, read, extractor, written, destination }: JobCounts): string {
  const partitions = read.ranges.length;
  const where = `topic ${read.topic} (${partitions} partition${partitions === 1 ? '' : 's'})`;
  const to = destination ? ` to ${destination}` : '';
  const lines = [
    `${job} summary: read ${extractor.read} records from ${where}, kept ${extractor.kept}, ` +
      `rejected ${extractor.rejects.count}, written ${written}${to}`,
  ];
  const rejects = extractor.rejects.describe();
  if (rejects) lines.push(`rejected records (skipped): ${rejects}`);
  return lines.join('\n');
}
