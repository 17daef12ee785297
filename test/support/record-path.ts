// The record path as a property: arbitrary Kafka records (JSON text as `kcat -P` would write it) go
// through the jobs' parse (lib/events/event-parser.ts), their rows (filtered_writes' and just_filtering's
// sword purchases, separate_events' munged events partitioned by event_type), each Parquet writer, and
// back through DuckDB, parquetjs-lite and the notebook's readParquet / readPartitioned. What must hold:
// no step throws; records = rows + rejects; every value read back is the value an independent statement of
// the rules expects (`expectedRows`). A failure names the seed and the shrunk records as lines for kcat.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { caseFold, wellFormed, type GameEvent } from '../../lib/events/event.js';
import { EventParser } from '../../lib/events/event-parser.js';
import { readPartitioned } from '../../lib/notebook/read-partitions.js';
import { readParquet } from '../../lib/notebook/read-parquet.js';
import { readParquetWithDuckDb, readParquetWithParquetjs } from '../../lib/parquet/readers.js';
import { PARQUET_WRITERS, PartitionSpools, TaskSpools } from '../../lib/parquet/write-parquet.js';
import { setField } from '../../lib/spark/fields.js';
import { Row, RowFrame } from '../../lib/spark/row-frame.js';
import { is_purchase } from '../../labs/filtered_writes.js';
import { munge_event } from '../../labs/separate_events.js';
import { localHdfs } from './local-hdfs.js';

// ---- the records -----------------------------------------------------------------------------------

/** Characters a name or a value is made of: any code point, and the ones that broke writers and readers. */
const character = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ...['\0', '\ud800', '\udbff', '\udc00', '\udfff', '\ufeff', '\u200f', '\u202e', '\u2028', '\u2029'],
      ...['"', "'", '\\', '.', ' ', '\n', '\t', '\x7f', '=', '/', '%', ':', '`', '😀', '\u0307'],
      ...['\u212a', 'ß', 'İ', 'ı', 'ſ', 'Ǆ', 'ǅ', 'ǆ', 'Σ', 'ς', 'σ'],
    ),
  },
  { weight: 3, arbitrary: fc.constantFrom(...'aAbBhHoOsStTkK_-') },
);

const NAMES = [
  ...['Host', 'host', 'HOST', 'Accept', 'accept', 'ACCEPT', 'User-Agent', 'user-agent', 'description'],
  ...['Description', 'k', 'K', '\u212a', 'ß', 'SS', 'ss', 'timestamp', 'Timestamp', 'event_type'],
  ...['Event_Type', '__proto__', 'constructor', 'toString', 'select', 'Cache-Control', 'cache-control'],
];

const fieldName = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: character, maxLength: 8 }) },
  { weight: 8, arbitrary: fc.constantFrom(...NAMES) },
  // names of up to 10 KB
  {
    weight: 1,
    arbitrary: fc.noShrink(
      fc
        .tuple(
          fc.integer({ min: 100, max: 10_240 }),
          fc.string({ unit: character, minLength: 1, maxLength: 3 }),
        )
        .map(([length, piece]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length)),
    ),
  },
);

/** A value as JSON text: strings, numbers JavaScript cannot hold exactly, nesting, 900 KB now and then. */
const valueText = fc.oneof(
  { weight: 300, arbitrary: fc.string({ unit: character, maxLength: 30 }).map((s) => JSON.stringify(s)) },
  {
    weight: 40,
    arbitrary: fc.constantFrom(
      ...['null', 'true', 'false', '0', '-0', '1e400', '-1e400', '1E-400', '0.1', '9007199254740993'],
      ...['12345678901234567890123', '-98765432109876543210e-30', '[]', '{}', '""'],
    ),
  },
  {
    weight: 30,
    arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  },
  { weight: 30, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  {
    weight: 10,
    arbitrary: fc.integer({ min: 1, max: 25_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  },
  { weight: 1, arbitrary: fc.constant(JSON.stringify('x'.repeat(900_000))) },
);

const eventType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('purchase_sword') },
  { weight: 3, arbitrary: fc.constantFrom('default', 'join_guild', '', 'purchase_sword ') },
  { weight: 2, arbitrary: fc.string({ unit: character, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.noShrink(fc.string({ unit: character, minLength: 200, maxLength: 300 })) },
);

/** One Kafka record as text: mostly a JSON object with an event_type, duplicate keys allowed. */
export const recordText = fc.oneof(
  {
    weight: 30,
    arbitrary: fc
      .tuple(eventType, fc.array(fc.tuple(fieldName, valueText), { maxLength: 6 }), fc.nat())
      .map(([type, fields, at]) => {
        const members = fields.map(([name, value]) => `${JSON.stringify(name)}:${value}`);
        members.splice(at % (members.length + 1), 0, `"event_type":${JSON.stringify(type)}`);
        return `{${members.join(',')}}`;
      }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('not json', '[1,2]', '"text"', 'null', '{"event_type": 5}', '{}', '{"a":'),
  },
);

/** A topic's worth: records in order, so names collide without case across records too. */
export const recordBatch = (maxLength: number) =>
  fc.array(recordText, { minLength: 1, maxLength, size: 'max' });

/** The records as a shell line that puts them into a topic (one record a line: JSON.stringify escapes \n). */
export function kcatCommand(records: readonly string[], topic = 'events'): string {
  const quoted = records.map((r) => `'${r.replaceAll("'", `'\\''`)}'`).join(' ');
  return `printf '%s\\n' ${quoted} | kcat -P -b 127.0.0.1:9092 -t ${topic}`;
}

// ---- what the rules say the rows are ---------------------------------------------------------------

/** The event a record stands for, stated apart from the jobs' code: names and strings with U+FFFD for a
 * lone surrogate, other values as their JSON text, null as null. */
export function expectedEvent(text: string): Record<string, string | null> {
  const fields = JSON.parse(text) as Record<string, unknown>;
  const event: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(fields)) {
    const kept =
      value === null ? null : typeof value === 'string' ? wellFormed(value) : JSON.stringify(value);
    setField(event, wellFormed(name), kept);
  }
  return event;
}

/** Rows as a reader gives them back: every column, null where a row has no value; the first spelling of
 * a name (without case) is the column, a later spelling's value goes under it, the later one wins. */
export function expectedRows(rows: readonly Record<string, string | null>[]): {
  columns: string[];
  rows: Record<string, string | null>[];
} {
  const columnOf = new Map<string, string>();
  for (const row of rows)
    for (const name of Object.keys(row))
      if (!columnOf.has(caseFold(name))) columnOf.set(caseFold(name), name);
  const columns = [...columnOf.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    columns,
    rows: rows.map((row) => {
      const stored: Record<string, string | null> = {};
      for (const column of columns) setField(stored, column, null);
      for (const [name, value] of Object.entries(row)) setField(stored, columnOf.get(caseFold(name))!, value);
      return stored;
    }),
  };
}

// ---- the path --------------------------------------------------------------------------------------

export interface RecordPathTotals {
  records: number;
  rejects: number;
  /** rows each writer wrote, over the jobs that write */
  rows: number;
  /** values compared after a read-back (every reader, every writer) */
  values: number;
  /** values read back that differ from the value the job kept */
  changed: number;
}

const TIMESTAMP = (i: number) => `2026-12-02 12:00:00.${String(i % 1000).padStart(3, '0')}`;

/** Cells that differ between two tables of the same columns, row by row. */
function changedValues(
  got: readonly Record<string, unknown>[],
  want: readonly Record<string, string | null>[],
  columns: readonly string[],
): number {
  assert.equal(got.length, want.length, 'rows read back');
  let changed = 0;
  want.forEach((row, i) => {
    for (const column of columns) if ((got[i][column] ?? null) !== row[column]) changed += 1;
  });
  return changed;
}

/** One batch of records through every job's rows, both writers and every reader; throws on a broken rule. */
export async function checkRecordPath(records: readonly string[]): Promise<RecordPathTotals> {
  const parser = new EventParser();
  const events: GameEvent[] = [];
  const stamps: string[] = [];
  let rejects = 0;
  records.forEach((text, i) => {
    const parsed = parser.parse(text);
    if (!parsed.ok) {
      assert.ok(parsed.reason.length > 0, 'a reject has a reason');
      rejects += 1;
      return;
    }
    assert.deepEqual({ ...parsed.event }, { ...expectedEvent(text) }, `record ${i} kept as the rules say`);
    events.push(parsed.event);
    stamps.push(TIMESTAMP(i));
  });
  assert.equal(events.length + rejects, records.length, 'records = events + rejects');
  const totals: RecordPathTotals = { records: records.length, rejects, rows: 0, values: 0, changed: 0 };

  const root = await mkdtemp(join(tmpdir(), 'record-path-'));
  try {
    for (const [writerName, writer] of Object.entries(PARQUET_WRITERS)) {
      // filtered_writes (and just_filtering's frame): the sword purchases, one part file
      const purchases = events.flatMap((e, i) => (is_purchase(e) ? [Row(stamps[i], e)] : []));
      const tasks = new TaskSpools();
      const frame = new RowFrame({ sink: tasks });
      await frame.add(purchases);
      const want = expectedRows(purchases);
      assert.deepEqual(frame.columns(), want.columns, 'the schema');
      assert.equal(frame.count, purchases.length, 'rows = purchases');
      const dir = join(root, `purchases-${writerName}`);
      await mkdir(dir);
      try {
        for (const [task, spool] of tasks.byTask().entries()) {
          await spool.rows.close();
          const written = await writer(spool.rows.path, frame.columns(), join(dir, `part-${task}.parquet`));
          assert.equal(written.rows, purchases.length, `${writerName} wrote every row`);
          totals.rows += written.rows;
        }
      } finally {
        await tasks.remove();
      }
      if (purchases.length > 0) {
        for (const read of [readParquetWithDuckDb, readParquetWithParquetjs]) {
          const got = await read(join(dir, 'part-0.parquet'));
          assert.deepEqual(
            got.columns.map((c) => c.name),
            want.columns,
            `${read.name}: the columns`,
          );
          totals.changed += changedValues(got.rows, want.rows, want.columns);
          totals.values += want.rows.length * want.columns.length;
        }
        await writeFile(join(dir, '_SUCCESS'), '');
        const table = await readParquet('/' + `purchases-${writerName}`, { hdfs: localHdfs(root) });
        assert.deepEqual(table.columns, want.columns, 'readParquet: the columns');
        totals.changed += changedValues(table.rows, want.rows, want.columns);
        totals.values += want.rows.length * want.columns.length;
      }

      // separate_events --write: every event munged, partitioned by event_type
      const munged = events.map((e, i) => Row(stamps[i], munge_event(e)));
      const partitions = new PartitionSpools('event_type');
      const all = new RowFrame({ showPer: 'event_type', sink: partitions });
      await all.add(munged);
      const wantAll = expectedRows(munged);
      assert.deepEqual(all.columns(), wantAll.columns, 'the schema of separate_events');
      const eventsDir = join(root, `events-${writerName}`);
      const columns = all.columns().filter((c) => c !== 'event_type');
      let rows = 0;
      try {
        for (const { folder, spool } of partitions.parts()) {
          await spool.rows.close();
          await mkdir(join(eventsDir, folder), { recursive: true });
          const written = await writer(spool.rows.path, columns, join(eventsDir, folder, 'part-0.parquet'));
          rows += written.rows;
        }
      } finally {
        await partitions.remove();
      }
      assert.equal(rows, events.length, `${writerName}: separate_events wrote every event`);
      totals.rows += rows;
      if (events.length > 0) {
        const table = await readPartitioned('/' + `events-${writerName}`, { hdfs: localHdfs(root) });
        // readPartitioned reads the folders in name order; compare as sets of rows
        const key = (row: Record<string, unknown>) =>
          JSON.stringify(wantAll.columns.map((c) => row[c] ?? null));
        // an empty event_type is Spark's default partition, read back as null
        const asPartitioned = (row: Record<string, string | null>) => ({
          ...row,
          event_type: row.event_type || null,
        });
        assert.deepEqual(
          table.rows.map(key).sort(),
          wantAll.rows.map(asPartitioned).map(key).sort(),
          `${writerName}: readPartitioned gives back every munged event`,
        );
        totals.values += wantAll.rows.length * wantAll.columns.length;
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  assert.equal(totals.changed, 0, 'no value read back differs from the value kept');
  return totals;
}

/** Prints what failed — the seed, fast-check's path, the error, the shrunk input as a command — and throws. */
export function failed<T>(
  property: string,
  seed: number,
  result: { counterexample: [T] | null; counterexamplePath: string | null; errorInstance: unknown },
  shrunk: (input: T) => string,
  print: (line: string) => void,
): never {
  print(
    `${property} property failed (seed ${seed}, path ${result.counterexamplePath}): ${String(result.errorInstance)}`,
  );
  if (result.counterexample) print(shrunk(result.counterexample[0]));
  throw result.errorInstance instanceof Error
    ? result.errorInstance
    : new Error(String(result.errorInstance));
}

/** `check` over seeded batches of records (about `records` in all); a failure printed and thrown. */
export async function checkRecordBatches(
  property: string,
  { seed, records, batch = 40, print = console.error }: PropertyRun,
  check: (batch: string[]) => Promise<void>,
): Promise<void> {
  const result = await fc.check(fc.asyncProperty(recordBatch(batch), check), {
    seed,
    numRuns: Math.max(1, Math.ceil(records / (batch / 2))),
  });
  if (result.failed)
    failed(
      property,
      seed,
      result,
      (shrunk) => `the shrunk records, ready for kcat:\n${kcatCommand(shrunk)}`,
      print,
    );
}

export interface PropertyRun {
  seed: number;
  /** records to try, about (cases of up to `batch` records each, `batch` / 2 on average) */
  records: number;
  batch?: number;
  /** where to say what failed (the seed and the shrunk records as a kcat line) */
  print?: (line: string) => void;
  /** called after each case with the totals so far (a long run's progress) */
  progress?: (totals: RecordPathTotals) => void;
}

/** Runs checkRecordPath over seeded batches until `records` are tried; the totals of every batch. */
export async function recordPathProperty({
  seed,
  records,
  batch = 40,
  print = console.error,
  progress,
}: PropertyRun): Promise<RecordPathTotals> {
  const totals: RecordPathTotals = { records: 0, rejects: 0, rows: 0, values: 0, changed: 0 };
  await checkRecordBatches('record path', { seed, records, batch, print }, async (batch) => {
    const one = await checkRecordPath(batch);
    for (const key of Object.keys(totals) as (keyof RecordPathTotals)[]) totals[key] += one[key];
    progress?.(totals);
  });
  return totals;
}
