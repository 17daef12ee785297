// separate_events.py in TypeScript: every event munged, then one table per event type.
//   npx tsx labs/separate_events.ts [--topic events] [--write /tmp/events]
// Stage by stage as the PySpark program (the walkthrough's comments mark each one). The original
// filtered four hard-coded types and broke on a second event schema; here every type in the topic gets
// its table, in order of first appearance, and every table has the union of the fields (as a Spark
// filter keeps its DataFrame's schema). More in docs/batch-jobs.md.
// The original's `.write.mode("overwrite").parquet(...)` lines were commented out (and three of the four
// named the same folder). `--write DIR` does what they meant, as one Spark write would do it:
// `extracted_events.write.partitionBy('event_type').mode('overwrite').parquet(DIR)`, i.e. a folder
// DIR/event_type=<type>/ per type, replaced together. That layout, not a folder per type of our own
// naming, is what Spark, DuckDB (hive_partitioning) and pandas read back as one table with event_type
// restored from the folder names; exploring-events.ipynb reads it. Without --write it prints the same.
import { runMain } from '../lib/cli.js';
import { loadConfig } from '../lib/config.js';
import { readEvents, type GameEvent } from '../lib/events/read-events.js';
import { finishJob, jobSummary, shownTable, type JobSummary } from '../lib/jobs/summary.js';
import { PartitionSpools, writePartitionedParquet } from '../lib/parquet/write-parquet.js';
import { Row, RowFrame } from '../lib/spark/row-frame.js';

/** @udf('string') munge_event: every event claims the same host and no caching. */
export function munge_event(event: GameEvent): GameEvent {
  return { ...event, Host: 'moe', 'Cache-Control': 'no-cache' };
}

export interface SeparateEventsOptions {
  /** an HDFS directory to (over)write with every event type's rows as Parquet, partitioned by event_type */
  write?: string;
}

export async function separateEvents(
  topic: string,
  print = console.log,
  { write }: SeparateEventsOptions = {},
): Promise<JobSummary> {
  // raw_events = spark.read.format("kafka").option("subscribe", "events")
  //     .option("startingOffsets", "earliest").option("endingOffsets", "latest").load()
  const raw_events = readEvents(topic);

  // munged_events = raw_events.select(raw_events.value.cast('string').alias('raw'),
  //     raw_events.timestamp.cast('string')).withColumn('munged', munge_event('raw'))
  // extracted_events = munged_events.rdd.map(lambda r: Row(timestamp=r.timestamp, **json.loads(r.munged))).toDF()
  // (with --write, every row also waits in a local spool of its event type for the Parquet writer)
  const partitions = write === undefined ? undefined : new PartitionSpools('event_type');
  try {
    const extracted_events = new RowFrame({ showPer: 'event_type', sink: partitions });
    for await (const { partition, events } of raw_events) {
      await extracted_events.add(
        events.map((r) => Row(r.timestamp, munge_event(r.event))),
        partition,
      );
    }

    // sword_purchases = extracted_events.filter(extracted_events.event_type == 'purchase_sword')
    // sword_purchases.show()
    // default_hits = extracted_events.filter(extracted_events.event_type == 'default')
    // default_hits.show()   … and so on for every event type
    if (extracted_events.count === 0) print(`no events in topic ${topic}: nothing to show\n`);
    const tables = [];
    for (const event_type of extracted_events.values()) {
      const events_of_type = extracted_events.filter('event_type', event_type);
      print(`event_type == '${event_type}' (${events_of_type.count} rows):`);
      print(events_of_type.show());
      tables.push(shownTable(events_of_type, { column: 'event_type', value: event_type }));
    }

    // sword_purchases.write.mode("overwrite").parquet("/tmp/sword_purchases")   … (commented out there)
    const written =
      partitions && write !== undefined
        ? await writePartitionedParquet(extracted_events, partitions, write, { onRecovery: print })
        : undefined;
    return finishJob(jobSummary('separate_events', raw_events, extracted_events, tables, written), print);
  } finally {
    await partitions?.remove();
  }
}

runMain(
  import.meta.url,
  {
    command: 'npx tsx labs/separate_events.ts',
    summary: 'separate_events.py: munge_event on every event, then one show() per event type.',
    options: {
      topic: { type: 'string', value: 'NAME', help: 'the topic to read (default: events, or $EVENTS_TOPIC)' },
      write: {
        type: 'string',
        value: 'HDFS_DIR',
        help: 'also (over)write every event type as Parquet, in HDFS_DIR/event_type=<type>/ (e.g. /tmp/events)',
      },
    },
  },
  async ({ values }) => {
    await separateEvents(String(values.topic ?? loadConfig().kafka.topic), console.log, {
      write: values.write as string | undefined,
    });
  },
);
