// A game event as the API wrote it to Kafka: a JSON object with an `event_type` and the request's
// headers. The jobs' UDFs (munge_event, is_purchase) and the Row building work on these.

export type GameEvent = Record<string, unknown> & { event_type: string };

export type ParseResult = { ok: true; event: GameEvent } | { ok: false; reason: string };

/**
 * A Kafka value as an event, or why it is not one. The original's json.loads would have crashed the
 * whole Spark job on any of these; here they are rejected one by one.
 */
export function parseEventValue(value: string | null): ParseResult {
  if (value === null) return { ok: false, reason: 'empty value (null)' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, reason: 'not a JSON object' };
  }
  const eventType = (parsed as Record<string, unknown>).event_type;
  if (typeof eventType !== 'string') return { ok: false, reason: 'no event_type' };
  return { ok: true, event: parsed as GameEvent };
}

/** separate_events' UDF: every event claims the same host and no caching. */
export function mungeEvent(event: GameEvent): GameEvent {
  return { ...event, Host: 'moe', 'Cache-Control': 'no-cache' };
}

/** just_filtering's and filtered_writes' UDF. */
export function isPurchase(event: GameEvent): boolean {
  return event.event_type === 'purchase_sword';
}

export type Row = Record<string, string | null>;

/** A value as a string column holds it: strings as they are, anything else as its JSON text. */
function columnValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * `Row(timestamp=r.timestamp, **json.loads(raw))`: the event's fields plus Kafka's timestamp (already
 * cast to string). Python would refuse an event with its own `timestamp` key; Kafka's wins here.
 */
export function toRow(event: GameEvent, timestamp: string): Row {
  const row: Row = {};
  for (const [name, value] of Object.entries(event)) row[name] = columnValue(value);
  row.timestamp = timestamp;
  return row;
}
