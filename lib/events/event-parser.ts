// One read's parse of its records, in order: each value is an event (lib/events/event.ts) or a reject,
// and a record bringing new field names past MAX_DISTINCT_FIELDS in the read is a reject too (bounded
// memory, and a schema a show() can print). The Kafka read and the property tests share it, so the tests
// try the very rules the jobs apply.
import { parseEvent, type ParseResult } from './event.js';

/** Past this many distinct field names in one read, a record bringing new ones is rejected. */
export const MAX_DISTINCT_FIELDS = 1_000;

export class EventParser {
  private readonly fieldNames = new Set<string>();

  /** The record's event, or why it is rejected: not an event, or too many new field names. */
  parse(value: string | null): ParseResult {
    const parsed = parseEvent(value);
    if (!parsed.ok) return parsed;
    let fresh: string[] | undefined;
    for (const name of Object.keys(parsed.event)) if (!this.fieldNames.has(name)) (fresh ??= []).push(name);
    if (!fresh) return parsed;
    if (this.fieldNames.size + fresh.length > MAX_DISTINCT_FIELDS) {
      return {
        ok: false,
        reason: `its fields would take the read past ${MAX_DISTINCT_FIELDS} distinct field names`,
      };
    }
    for (const name of fresh) this.fieldNames.add(name);
    return parsed;
  }
}
