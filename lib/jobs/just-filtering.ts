// just_filtering: is_purchase keeps the sword purchases; printSchema() and show() of what is left.
import { EventExtractor } from '../events/extract.js';
import { isPurchase } from '../events/event.js';
import { SchemaUnion, printSchemaString } from '../spark/schema.js';
import { showString } from '../spark/show.js';
import { readRows, ShowSample, summaryText, type JobOptions } from './batch-job.js';

/** printSchema() then show() of the kept rows, or a note when there are none (Spark would fail there). */
export function printPurchases(options: JobOptions, schema: SchemaUnion, sample: ShowSample): void {
  if (schema.size === 0) {
    options.print(`no purchase_sword events in topic ${options.topic}: nothing to show\n`);
    return;
  }
  options.print(printSchemaString(schema.fields()));
  options.print(showString(sample.rows, schema.columns()));
}

export async function justFiltering(options: JobOptions): Promise<void> {
  const extractor = new EventExtractor({ keep: isPurchase });
  const schema = new SchemaUnion();
  const sample = new ShowSample();
  const read = await readRows(options, extractor, (row) => {
    schema.add(row);
    sample.add(row);
  });
  printPurchases(options, schema, sample);
  options.print(summaryText({ job: 'just_filtering', read, extractor, written: 0 }));
}
