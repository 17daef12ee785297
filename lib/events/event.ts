// A game event as the jobs read it from Kafka: a JSON object with a string `event_type`, each field a
// column of the jobs' rows. Whatever a record holds, parsing it never throws: it is an event, or it is
// rejected with a reason (counted and listed by offset, never fatal). The rules, and why
// (docs/reliability.md has the table):
// - not JSON, not an object, no string event_type: the original's json.loads / event['event_type']
//   would have crashed the whole Spark job;
// - a field named `timestamp` (in any letter case): the jobs add Kafka's timestamp under that name, and
//   Python's Row(timestamp=…, **event) raises on the duplicate;
// - two fields whose names differ only in letter case (`Host` and `host`): Spark SQL and DuckDB compare
//   column names without case, so such a row cannot be stored;
// - an empty field name, or more than MAX_FIELDS fields: no column can be made of it;
// - a value nested too deeply to turn into text.
// Values that are not strings are kept as their JSON text (every column is a string, as in the lab's
// data); null stays null.

export type GameEvent = Readonly<Record<string, string | null>> & { readonly event_type: string };

export type ParseResult = { ok: true; event: GameEvent } | { ok: false; reason: string };

export const MAX_FIELDS = 100;

/** The column the jobs add (Kafka's record timestamp): no event may bring its own. */
export const TIMESTAMP_COLUMN = 'timestamp';

const reject = (reason: string): ParseResult => ({ ok: false, reason });

/** A value as a string column holds it: strings as they are, anything else as its JSON text. */
function columnValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Why these field names cannot be columns of one row, or undefined when they can. */
export function fieldNamesProblem(names: readonly string[]): string | undefined {
  if (names.length > MAX_FIELDS) return `${names.length} fields, more than the ${MAX_FIELDS} a row may have`;
  const seen = new Map<string, string>();
  for (const name of names) {
    if (name === '') return 'a field with an empty name';
    const key = name.toLowerCase();
    if (key === TIMESTAMP_COLUMN) return `a field "${name}": the jobs add Kafka's timestamp under that name`;
    const other = seen.get(key);
    if (other !== undefined)
      return `fields "${other}" and "${name}" differ only in letter case (Spark SQL and DuckDB compare column names without case)`;
    seen.set(key, name);
  }
  return undefined;
}

/** A Kafka value (as text) as an event, or why it is not one. */
export function parseEvent(value: string | null): ParseResult {
  if (value === null) return reject('empty value (null)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return reject('not JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return reject('not a JSON object');
  }
  const fields = parsed as Record<string, unknown>;
  if (typeof fields.event_type !== 'string') return reject('no event_type');
  const names = Object.keys(fields);
  const problem = fieldNamesProblem(names);
  if (problem) return reject(problem);
  // A null-prototype object: a field called __proto__ is a field like any other, never a prototype.
  // An event of strings only (the API writes nothing else) is used as JSON.parse made it: its own
  // properties are its fields, a `__proto__` among them included. Anything else is copied, values as text.
  if (names.every((name) => typeof fields[name] === 'string'))
    return { ok: true, event: fields as GameEvent };
  const event = Object.create(null) as Record<string, string | null>;
  for (const name of names) {
    try {
      event[name] = columnValue(fields[name]);
    } catch {
      return reject(`the value of "${name}" is nested too deeply to store`);
    }
  }
  return { ok: true, event: event as GameEvent };
}
