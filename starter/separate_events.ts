// separate_events.py in TypeScript, as the course hands it out: every event munged, then a table for each
// event type it knows, the sword purchases and the default hits.
//   node --import tsx assignment/separate_events.ts [--topic events]
// Stage by stage as the PySpark program (the walkthrough's comments mark each one); every table has the
// union of the events' fields (as a Spark filter keeps its DataFrame's schema). More in docs/batch-jobs.md.
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
  for await (const { partition, events } of raw_events) {
    await extracted_events.add(
      events.map((r) => Row(r.timestamp, munge_event(r.event))),
      partition,
    );
  }

  // ASSIGNMENT: "separate your events": the tables below know only the course's two event types. Add a
  // filter and a show() for each event type your routes send, as the two below do.
  const tables = [];

  // sword_purchases = extracted_events.filter(extracted_events.event_type == 'purchase_sword')
  // sword_purchases.show()
  const sword_purchases = extracted_events.filter('event_type', 'purchase_sword');
  print(`event_type == 'purchase_sword' (${sword_purchases.count} rows):`);
  print(sword_purchases.show());
  tables.push(shownTable(sword_purchases, { column: 'event_type', value: 'purchase_sword' }));

  // default_hits = extracted_events.filter(extracted_events.event_type == 'default')
  // default_hits.show()
  const default_hits = extracted_events.filter('event_type', 'default');
  print(`event_type == 'default' (${default_hits.count} rows):`);
  print(default_hits.show());
  tables.push(shownTable(default_hits, { column: 'event_type', value: 'default' }));

  return finishJob(jobSummary('separate_events', raw_events, extracted_events, tables), print);
}

runMain(
  import.meta.url,
  {
    command: 'node --import tsx assignment/separate_events.ts',
    summary: 'separate_events.py: munge_event on every event, then one show() per event type it knows.',
    options: {
      topic: { type: 'string', value: 'NAME', help: 'the topic to read (default: events, or $EVENTS_TOPIC)' },
    },
  },
  async ({ values }) => {
    await separateEvents(String(values.topic ?? loadConfig().kafka.topic));
  },
);
