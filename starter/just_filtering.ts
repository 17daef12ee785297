// just_filtering.py in TypeScript: the sword purchases of the events topic, their schema and first rows.
//   node --import tsx assignment/just_filtering.ts [--topic events]
// Stage by stage as the PySpark program (the walkthrough's comments mark each one); where it differs
// on purpose — bad records skipped, the union of every event's fields as the schema — docs/batch-jobs.md.
import { runMain } from '../lib/cli.js';
import { loadConfig } from '../lib/config.js';
import { readEvents, type GameEvent } from '../lib/events/read-events.js';
import { finishJob, jobSummary, shownTable, type JobSummary } from '../lib/jobs/summary.js';
import { Row, RowFrame } from '../lib/spark/row-frame.js';

/**
 * @udf('boolean') is_purchase: keeps the sword purchases.
 * ASSIGNMENT: "land the events through the Spark jobs in HDFS": keep the purchases you want to query
 * (yours too, if you like); filtered_writes must write exactly what this filter keeps.
 */
export function is_purchase(event: GameEvent): boolean {
  return event.event_type === 'purchase_sword';
}

export async function justFiltering(topic: string, print = console.log): Promise<JobSummary> {
  // raw_events = spark.read.format("kafka").option("subscribe", "events")
  //     .option("startingOffsets", "earliest").option("endingOffsets", "latest").load()
  const raw_events = readEvents(topic);

  // purchase_events = raw_events.select(raw_events.value.cast('string').alias('raw'),
  //     raw_events.timestamp.cast('string')).filter(is_purchase('raw'))
  // extracted_purchase_events = purchase_events.rdd.map(lambda r: Row(timestamp=r.timestamp, **json.loads(r.raw))).toDF()
  const extracted_purchase_events = new RowFrame();
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
    print(`no purchase_sword events in topic ${topic}: nothing to show (Spark fails here: "RDD is empty")\n`);
  } else {
    print(extracted_purchase_events.printSchema());
    print(extracted_purchase_events.show());
  }
  const tables = extracted_purchase_events.count > 0 ? [shownTable(extracted_purchase_events)] : [];
  return finishJob(jobSummary('just_filtering', raw_events, extracted_purchase_events, tables), print);
}

runMain(
  import.meta.url,
  {
    command: 'node --import tsx assignment/just_filtering.ts',
    summary: "just_filtering.py: the topic's sword purchases, printSchema() and show().",
    options: {
      topic: { type: 'string', value: 'NAME', help: 'the topic to read (default: events, or $EVENTS_TOPIC)' },
    },
  },
  async ({ values }) => {
    await justFiltering(String(values.topic ?? loadConfig().kafka.topic));
  },
);
