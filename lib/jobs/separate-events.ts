// separate_events: munge_event on every event, then one show() per event type. The original filtered
// four hard-coded types; here every type in the topic gets its table, in order of first appearance.
// As in Spark, a filter keeps the DataFrame's schema, so every table has the same (union) columns.
import { EventExtractor } from '../events/extract.js';
import { mungeEvent, type Row } from '../events/event.js';
import { SchemaUnion } from '../spark/schema.js';
import { showString } from '../spark/show.js';
import { readRows, ShowSample, summaryText, type JobOptions } from './batch-job.js';

export async function separateEvents(options: JobOptions): Promise<{ types: Map<string, number> }> {
  const extractor = new EventExtractor({ transform: mungeEvent });
  const schema = new SchemaUnion();
  const samples = new Map<string, ShowSample>();
  const counts = new Map<string, number>();
  const read = await readRows(options, extractor, (row: Row) => {
    schema.add(row);
    const type = row.event_type as string;
    let sample = samples.get(type);
    if (!sample) samples.set(type, (sample = new ShowSample()));
    sample.add(row);
    counts.set(type, (counts.get(type) ?? 0) + 1);
  });

  if (samples.size === 0) options.print(`no events in topic ${options.topic}: nothing to show\n`);
  for (const [type, sample] of samples) {
    options.print(`event_type == '${type}' (${counts.get(type)} rows):`);
    options.print(showString(sample.rows, schema.columns()));
  }
  options.print(summaryText({ job: 'separate_events', read, extractor, written: 0 }));
  return { types: counts };
}
