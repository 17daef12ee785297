// filtered_writes.py in TypeScript: the sword purchases of the events topic, written to HDFS as Parquet.
//   node --import tsx assignment/filtered_writes.ts [--topic events] [--output /tmp/purchases] [--writer duckdb|parquetjs-lite]
// Stage by stage as the PySpark program (the walkthrough's comments mark each one). What differs on
// purpose — bad records skipped, the union schema, an overwrite that a reader never sees half done, a
// second writer of the same directory turned away — is in docs/batch-jobs.md.
import { runMain } from '../lib/cli.js';
import { loadConfig } from '../lib/config.js';
import { readEvents, type GameEvent } from '../lib/events/read-events.js';
import { finishJob, jobSummary, shownTable, type JobSummary } from '../lib/jobs/summary.js';
import { TaskSpools, writeParquet } from '../lib/parquet/write-parquet.js';
import { Row, RowFrame } from '../lib/spark/row-frame.js';

/**
 * @udf('boolean') is_purchase: keeps the sword purchases.
 * ASSIGNMENT: "land the events through the Spark jobs in HDFS": keep the purchases you want to query
 * (yours too, if you like); filtered_writes must write exactly what this filter keeps.
 */
export function is_purchase(event: GameEvent): boolean {
  return event.event_type === 'purchase_sword';
}

export interface FilteredWritesOptions {
  topic: string;
  output: string;
  /** the Parquet writer: duckdb (default) or parquetjs-lite */
  writer?: string;
}

export async function filteredWrites(
  { topic, output, writer }: FilteredWritesOptions,
  print = console.log,
): Promise<JobSummary> {
  // raw_events = spark.read.format("kafka").option("subscribe", "events")
  //     .option("startingOffsets", "earliest").option("endingOffsets", "latest").load()
  const raw_events = readEvents(topic);

  // purchase_events = raw_events.select(raw_events.value.cast('string').alias('raw'),
  //     raw_events.timestamp.cast('string')).filter(is_purchase('raw'))
  // extracted_purchase_events = purchase_events.rdd.map(lambda r: Row(timestamp=r.timestamp, **json.loads(r.raw))).toDF()
  // (every row waits in a local spool for the Parquet writer, one per Kafka partition as Spark's tasks;
  // the frame keeps what show() prints)
  const spools = new TaskSpools();
  try {
    const extracted_purchase_events = new RowFrame({ sink: spools });
    for await (const { partition, events } of raw_events) {
      const purchase_events = events.filter((r) => is_purchase(r.event));
      await extracted_purchase_events.add(
        purchase_events.map((r) => Row(r.timestamp, r.event)),
        partition,
      );
    }

    // extracted_purchase_events.printSchema()
    // extracted_purchase_events.show()
    if (extracted_purchase_events.count === 0) {
      print(
        `no purchase_sword events in topic ${topic}: nothing to show (Spark fails here: "RDD is empty")\n`,
      );
    } else {
      print(extracted_purchase_events.printSchema());
      print(extracted_purchase_events.show());
    }

    // extracted_purchase_events.write.mode('overwrite').parquet('/tmp/purchases')
    const written = await writeParquet(extracted_purchase_events, spools, output, {
      writer,
      onRecovery: print,
    });

    const tables = extracted_purchase_events.count > 0 ? [shownTable(extracted_purchase_events)] : [];
    return finishJob(
      jobSummary('filtered_writes', raw_events, extracted_purchase_events, tables, written),
      print,
    );
  } finally {
    await spools.remove();
  }
}

runMain(
  import.meta.url,
  {
    command: 'node --import tsx assignment/filtered_writes.ts',
    summary:
      "filtered_writes.py: the topic's sword purchases, printSchema(), show(), then written to HDFS as Parquet (overwrite).",
    options: {
      topic: { type: 'string', value: 'NAME', help: 'the topic to read (default: events, or $EVENTS_TOPIC)' },
      output: {
        type: 'string',
        value: 'HDFS_PATH',
        help: 'the directory to (over)write (default: /tmp/purchases, or $PURCHASES_DIR)',
      },
      writer: {
        type: 'string',
        value: 'duckdb|parquetjs-lite',
        help: 'the Parquet writer (default: duckdb)',
      },
    },
  },
  async ({ values }) => {
    const config = loadConfig();
    await filteredWrites({
      topic: String(values.topic ?? config.kafka.topic),
      output: String(values.output ?? config.hdfs.purchasesDir),
      writer: values.writer as string | undefined,
    });
  },
);
