// The jobs' DataFrame, built row by row: `Row(timestamp=r.timestamp, **json.loads(r.raw))` for every
// event kept, then `.printSchema()`, `.show()` and `.filter(col == value).show()`. It holds what those
// print — the union schema, the count and the first rows (per value of one column when asked) — and
// hands every row to a spool when there is one (filtered_writes writes them all), so memory stays bounded
// however big the topic.
import type { GameEvent } from '../events/event.js';
import { setField } from './fields.js';
import { printSchemaString, SchemaUnion } from './schema.js';
import { showString, type ShowOptions } from './show.js';

export type Row = Readonly<Record<string, string | null>>;

/** Python's `Row(timestamp=timestamp, **event)`: the event's fields and Kafka's timestamp. */
export function Row(timestamp: string, event: GameEvent): Row {
  // A plain object (V8 keeps rows of one shape fast, which a null-prototype object is not).
  const row: Record<string, string | null> = {};
  for (const name of Object.keys(event)) setField(row, name, event[name]);
  row.timestamp = timestamp;
  return row;
}

/** Where every row goes besides the frame, e.g. a local file for the Parquet writer. */
export interface RowSink {
  /** `partition`: the Kafka partition the rows came from (Spark's task) */
  write(rows: readonly Row[], partition: number): Promise<void>;
}

export interface RowFrameOptions {
  /** keep the first rows per value of this column too, for `.filter(column, value).show()` */
  showPer?: string;
  sink?: RowSink;
}

// show() prints 20 rows; one more tells it to say "only showing top 20 rows".
const KEPT_ROWS = 21;

interface Kept {
  rows: Row[];
  count: number;
}

export class RowFrame {
  private readonly byValue = new Map<string | null, Kept>();

  constructor(
    private readonly options: RowFrameOptions = {},
    readonly schema = new SchemaUnion(),
    private readonly all: Kept = { rows: [], count: 0 },
  ) {}

  /**
   * Adds rows, e.g. those of one fetch, each field under its column's spelling; `partition` is the Kafka partition they came from (a Spark task
   * writes each one's part file).
   */
  async add(added: readonly Row[], partition = 0): Promise<void> {
    const { showPer, sink } = this.options;
    // each field under its column's spelling (lib/spark/schema.ts)
    const rows = added.map((row) => this.schema.add(row));
    for (const row of rows) {
      keep(this.all, row);
      if (showPer === undefined) continue;
      const value = row[showPer] ?? null;
      let kept = this.byValue.get(value);
      if (!kept) this.byValue.set(value, (kept = { rows: [], count: 0 }));
      keep(kept, row);
    }
    if (sink && rows.length > 0) await sink.write(rows, partition);
  }

  get count(): number {
    return this.all.count;
  }

  /** The first rows added, as many as show() needs. */
  get rows(): readonly Row[] {
    return this.all.rows;
  }

  columns(): string[] {
    return this.schema.columns();
  }

  /** The values of the `showPer` column, in order of first appearance. */
  values(): (string | null)[] {
    return [...this.byValue.keys()];
  }

  /** `df.filter(df[column] == value)`: the same schema, the rows with that value (`showPer` only). */
  filter(column: string, value: string | null): RowFrame {
    if (column !== this.options.showPer) {
      throw new RangeError(
        `this frame keeps rows per ${this.options.showPer ?? 'nothing'}, not per ${column}`,
      );
    }
    return new RowFrame({}, this.schema, this.byValue.get(value) ?? { rows: [], count: 0 });
  }

  /** `df.printSchema()`'s text. */
  printSchema(): string {
    return printSchemaString(this.schema.fields());
  }

  /** `df.show()`'s text. */
  show(options?: ShowOptions): string {
    return showString([...this.all.rows], this.columns(), options);
  }
}

function keep(kept: Kept, row: Row): void {
  kept.count += 1;
  if (kept.rows.length < KEPT_ROWS) kept.rows.push(row);
}
