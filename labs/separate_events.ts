// separate_events.py in TypeScript: every event munged, then one table per event type.
//   npx tsx labs/separate_events.ts [--topic events]
// Stage by stage as the PySpark program (the walkthrough's comments mark each one). The original
// filtered four hard-coded types and broke on a second event schema; here every type in the topic gets
// its table, in order of first appearance, and every table has the union of the fields (as a Spark
// filter keeps its DataFrame's schema). More in docs/batch-jobs.md.
import { runMain } from '../lib/cli.js';
import { loadConfig } from '../lib/config.js';
import { readEvents, type GameEvent } from '../lib/events/read-events.js';
import { finishJob, jobSummary, shownTable, type JobSummary } from '../lib/jobs/summary.js';
import { Row, RowFrame } from '../lib/spark/row-frame.js';

/** @udf('string') munge_event: every event claims the same host and no caching. */
export function munge_event(event: GameEvent): GameEvent {
  return { ...event, Host: 'moe', 'Cache-Control': 'no-cache' };
}

export async function separateEvents(topic: string, print = console.log): Promise<JobSummary> {
  // raw_events = spark.read.format("kafka").option("subscribe", "events")
  //     .option("startingOffsets", "earliest").option("endingOffsets", "latest").load()
  const raw_events = readEvents(topic);

  // munged_events = raw_events.select(raw_events.value.cast('string').alias('raw'),
  //     raw_events.timestamp.cast('string')).withColumn('munged', munge_event('raw'))
  // extracted_events = munged_events.rdd.map(lambda r: Row(timestamp=r.timestamp, **json.loads(r.munged))).toDF()
  const extracted_events = new RowFrame({ showPer: 'event_type' });
  for await (const batch of raw_events) {
    for (const r of batch) await extracted_events.add(Row(r.timestamp, munge_event(r.event)));
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
  return finishJob(jobSummary('separate_events', raw_events, extracted_events, tables), print);
}

runMain(
  import.meta.url,
  {
    command: 'npx tsx labs/separate_events.ts',
    summary: 'separate_events.py: munge_event on every event, then one show() per event type.',
    options: {
      topic: { type: 'string', value: 'NAME', help: 'the topic to read (default: events, or $EVENTS_TOPIC)' },
    },
  },
  async ({ values }) => {
    await separateEvents(String(values.topic ?? loadConfig().kafka.topic));
  },
);
