// Request → event, the way game_api.py's `event.update(request.headers)` builds it, with the safety rules
// the original lacked: credentials are never copied (lib/events/credentials.ts), headers never overwrite
// the event's own fields nor bring the jobs' `timestamp` column, only a bounded number of bounded headers
// get in, and an event that would still be too big is refused with 431 before it joins a batch.
import { isCredential } from '../events/credentials.js';
import { TIMESTAMP_COLUMN } from '../events/event.js';
import { HttpError } from './game-api.js';

/** An event as ordered [name, value] pairs (a JS object would move digit-only header names first). */
export type EventEntries = ReadonlyArray<readonly [string, string]>;

/** The most bytes one event may take in Kafka: a few hundred are usual; a batch stays under the broker's limit. */
export const MAX_EVENT_BYTES = 16 * 1024;

export interface HeaderLimits {
  /** at most this many headers are copied, the first ones in request order */
  maxHeaders: number;
  /** a header with a longer name is not copied */
  maxNameLength: number;
  /** a header whose (joined) value is longer is not copied */
  maxValueLength: number;
}

export const DEFAULT_HEADER_LIMITS: HeaderLimits = {
  maxHeaders: 32,
  maxNameLength: 64,
  maxValueLength: 1024,
};

/**
 * Werkzeug's header names: `HTTP_USER_AGENT`[5:].replace('_', '-').title(), i.e. Python's str.title():
 * a letter is upper-case when the character before it is not a letter, lower-case otherwise.
 */
export function werkzeugHeaderName(name: string): string {
  let out = '';
  let previousIsLetter = false;
  for (const ch of name) {
    const isLetter = ch.toLowerCase() !== ch.toUpperCase();
    out += isLetter ? (previousIsLetter ? ch.toLowerCase() : ch.toUpperCase()) : ch;
    previousIsLetter = isLetter;
  }
  return out;
}

/** `description` and `Description`, `event_type` and `Event-Type` name the same field for a header. */
const fieldKey = (name: string) => name.toLowerCase().replaceAll('_', '-');

/**
 * The event: its own fields first, then the copyable request headers in request order.
 * `rawHeaders` is Node's flat [name, value, name, value, ...] list. Like Werkzeug, a repeated header is
 * joined with "," and a header whose name has an underscore is dropped (it would alias a dashed one).
 */
export function buildEvent(
  fields: Readonly<Record<string, string>>,
  rawHeaders: readonly string[],
  limits: HeaderLimits = DEFAULT_HEADER_LIMITS,
): EventEntries {
  const reserved = new Set([...Object.keys(fields), TIMESTAMP_COLUMN].map(fieldKey));
  const headers = new Map<string, [string, string]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    const key = name.toLowerCase();
    if (isCredential(name, rawHeaders[i + 1]) || name.includes('_') || reserved.has(key)) continue;
    if (name.length > limits.maxNameLength) continue;
    const seen = headers.get(key);
    if (seen) seen[1] = `${seen[1]},${rawHeaders[i + 1]}`;
    else if (headers.size < limits.maxHeaders)
      headers.set(key, [werkzeugHeaderName(name), rawHeaders[i + 1]]);
  }
  const entries: [string, string][] = Object.entries(fields);
  for (const header of headers.values()) {
    if (header[1].length <= limits.maxValueLength) entries.push(header);
  }
  return entries;
}

// Python's json.dumps(ensure_ascii=True) escapes every non-ASCII character as \uXXXX.
const NON_ASCII = /[\u0080-\uffff]/g;
const pythonString = (s: string) =>
  JSON.stringify(s).replace(NON_ASCII, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * `event.update(request.headers); json.dumps(event)`: the event with the request's headers, as the text
 * that goes to Kafka; a request whose event would exceed MAX_EVENT_BYTES is refused (431).
 */
export function jsonEvent(fields: Readonly<Record<string, string>>, rawHeaders: readonly string[]): string {
  const text = serializeEvent(buildEvent(fields, rawHeaders));
  if (Buffer.byteLength(text) > MAX_EVENT_BYTES) {
    throw new HttpError(
      431,
      `the request's headers make an event of ${Buffer.byteLength(text)} bytes, more than the ${MAX_EVENT_BYTES} an event may have`,
    );
  }
  return text;
}

/** The event as Python's json.dumps writes a dict: `{"event_type": "default", "Host": "..."}`. */
export function serializeEvent(event: EventEntries): string {
  let out = '{';
  for (let i = 0; i < event.length; i++) {
    out += `${i === 0 ? '' : ', '}${pythonString(event[i][0])}: ${pythonString(event[i][1])}`;
  }
  return `${out}}`;
}
