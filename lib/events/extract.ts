// From a Kafka record to a job's row: parse the value (rejecting what is not an event), apply the
// job's UDF, build the Row with Kafka's timestamp as Spark's string. One place for all three jobs.
import type { BoundedRecord } from '../kafka/bounded-read.js';
import { sparkTimestampString, sparkTimeZone } from '../spark/timestamp.js';
import { parseEventValue, toRow, type GameEvent, type Row } from './event.js';
import { RejectLog } from './rejects.js';

export interface ExtractOptions {
  /** A UDF that rewrites the event (munge_event). */
  transform?: (event: GameEvent) => GameEvent;
  /** A UDF that keeps the event or not (is_purchase). */
  keep?: (event: GameEvent) => boolean;
  timeZone?: string;
}

export class EventExtractor {
  readonly rejects = new RejectLog();
  read = 0;
  kept = 0;
  private readonly timeZone: string;

  constructor(private readonly options: ExtractOptions = {}) {
    this.timeZone = options.timeZone ?? sparkTimeZone();
  }

  /** The record's row, or null when it is rejected or filtered out (rejects are counted). */
  extract(record: BoundedRecord): Row | null {
    this.read += 1;
    const parsed = parseEventValue(record.value);
    if (!parsed.ok) {
      this.rejects.add({ partition: record.partition, offset: record.offset, reason: parsed.reason });
      return null;
    }
    if (this.options.keep && !this.options.keep(parsed.event)) return null;
    const event = this.options.transform ? this.options.transform(parsed.event) : parsed.event;
    this.kept += 1;
    return toRow(event, sparkTimestampString(Number(record.timestamp), this.timeZone));
  }
}
