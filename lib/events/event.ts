// A game event as the jobs read it from Kafka: a JSON object with a string `event_type`, each field a
// column of the jobs' rows. Whatever a record holds, parsing it never throws: it is an event, or it is
// rejected with a reason (counted and listed by offset, never fatal). The rules, and why
// (docs/reliability.md has the table):
// - not JSON, not an object, no string event_type: the original's json.loads / event['event_type']
//   would have crashed the whole Spark job;
// - a field named `timestamp` (in any letter case): the jobs add Kafka's timestamp under that name, and
//   Python's Row(timestamp=…, **event) raises on the duplicate;
// - two fields whose names differ only in letter case (`Host` and `host`) in one record: Spark SQL and
//   DuckDB compare column names without case, and which of the two values is the column's is anyone's
//   guess (across records, the first spelling keeps the column: lib/spark/schema.ts);
// - an empty field name, a NUL in a field name, a field named `__proto__`, or more than MAX_FIELDS
//   fields: no column can be made of it (DuckDB's API ends a column name at a NUL; parquetjs-lite, the
//   other writer and reader, sets an object's prototype where a `__proto__` column should be);
// - an event_type too long to name its partition folder (separate_events --write), so that every job
//   keeps the same records;
// - a value nested too deeply to turn into text.
// Values that are not strings are kept as their JSON text (every column is a string, as in the lab's
// data); null stays null. A lone surrogate (valid JSON, not valid Unicode) becomes U+FFFD in a name or a
// value, as Spark's cast to string stores it: the rows, the spool and the Parquet files hold only text
// that any reader takes.

import { partitionFolder } from '../parquet/partitions.js';

export type GameEvent = Readonly<Record<string, string | null>> & { readonly event_type: string };

export type ParseResult = { ok: true; event: GameEvent } | { ok: false; reason: string };

export const MAX_FIELDS = 100;

/** HDFS's longest path component (dfs.namenode.fs-limits.max-component-length), in UTF-8 bytes. */
export const MAX_FOLDER_BYTES = 255;

/** The column the jobs add (Kafka's record timestamp): no event may bring its own. */
export const TIMESTAMP_COLUMN = 'timestamp';

const LONE_SURROGATE = /\p{Cs}/u;

/** The text with each lone surrogate as U+FFFD (String.prototype.toWellFormed, ES2024). */
export function wellFormed(text: string): string {
  return LONE_SURROGATE.test(text) ? text.replace(/\p{Cs}/gu, '\ufffd') : text;
}

const isWellFormedString = (value: unknown) => typeof value === 'string' && !LONE_SURROGATE.test(value);

const reject = (reason: string): ParseResult => ({ ok: false, reason });

/**
 * A value as a string column holds it: strings as they are (a lone surrogate as U+FFFD), anything else
 * as its JSON text (JSON.stringify escapes a lone surrogate, and writes a number as the double it parsed
 * to: `1e400` is `null`, as JSON has no Infinity).
 */
function columnValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? wellFormed(value) : JSON.stringify(value);
}

/** Why these field names cannot be columns of one row, or undefined when they can. */
export function fieldNamesProblem(names: readonly string[]): string | undefined {
  if (names.length > MAX_FIELDS) return `${names.length} fields, more than the ${MAX_FIELDS} a row may have`;
  const seen = new Map<string, string>();
  for (const name of names) {
    if (name === '') return 'a field with an empty name';
    if (name.includes('\0')) return 'a NUL character in a field name (DuckDB ends a column name there)';
    if (name === '__proto__') return 'a field named __proto__ (parquetjs-lite cannot hold such a column)';
    const key = caseFold(name);
    if (key === TIMESTAMP_COLUMN) return `a field "${name}": the jobs add Kafka's timestamp under that name`;
    const other = seen.get(key);
    if (other !== undefined)
      return `fields "${other}" and "${name}" differ only in letter case (Spark SQL and DuckDB compare column names without case)`;
    seen.set(key, name);
  }
  return undefined;
}

/**
 * The key under which names equal without case meet: Java's String.equalsIgnoreCase, which Spark's
 * case-insensitive resolution uses, character by character (upper then lower case, one character each:
 * `K` (the Kelvin sign) meets `k`, `ß` does not meet `SS`, nor `İ` `i̇`).
 */
export function caseFold(name: string): string {
  let key = '';
  for (const char of name) {
    const upper = char.toUpperCase();
    const one = [...upper].length === 1 ? upper : char;
    const lower = one.toLowerCase();
    key += [...lower].length === 1 ? lower : one;
  }
  return key;
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
  const problem = fieldNamesProblem(names.map((name) => wellFormed(name)));
  if (problem) return reject(problem);
  const folder = Buffer.byteLength(partitionFolder('event_type', wellFormed(fields.event_type)));
  if (folder > MAX_FOLDER_BYTES)
    return reject(
      `an event_type too long to name a folder (${folder} bytes; HDFS holds ${MAX_FOLDER_BYTES})`,
    );
  // An event of well-formed strings only (the API writes nothing else) is used as JSON.parse made it:
  // its own properties are its fields. Anything else is copied into a null-prototype object.
  if (names.every((name) => !LONE_SURROGATE.test(name) && isWellFormedString(fields[name])))
    return { ok: true, event: fields as GameEvent };
  const event = Object.create(null) as Record<string, string | null>;
  for (const name of names) {
    try {
      event[wellFormed(name)] = columnValue(fields[name]);
    } catch {
      return reject(`the value of "${wellFormed(name)}" is nested too deeply to store`);
    }
  }
  return { ok: true, event: event as GameEvent };
}
