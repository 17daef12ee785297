// DataFrame.describe() with pandas' semantics. danfo's own describe() skips string columns and throws on
// nulls; pandas gives string (object) columns count / unique / top / freq, and numeric columns count /
// mean / std / min / 25% / 50% / 75% / max, nulls left out. As in pandas, a frame with numeric columns
// describes only those unless include: 'all'; a frame of strings only describes the strings.
import { inspect } from 'node:util';
import { DataFrame, Series } from './danfo-lib.js';
import { frameHtml } from './pandas-html.js';
import { frameText, type Cell, type TextColumn } from './pandas-text.js';
import type { Table } from './table.js';

const OBJECT_STATS = ['count', 'unique', 'top', 'freq'];
const NUMERIC_STATS = ['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max'];
// pandas orders the rows of a mixed describe by the shorter list first: object stats, then numeric ones.
const ALL_STATS = [...OBJECT_STATS, ...NUMERIC_STATS.slice(1)];

const DANFO_NUMERIC = new Set(['float32', 'int32']);
const SPARK_NUMERIC = new Set(['long', 'integer', 'short', 'byte', 'double', 'float']);

interface InputColumn {
  name: string;
  numeric: boolean;
  values: unknown[];
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value));
}

/** The present values as runs of equal neighbours, in order: each run's value and length. */
function runsOf(values: unknown[]): { values: unknown[]; lengths: number[] } {
  const runs = { values: [] as unknown[], lengths: [] as number[] };
  let last = -1;
  for (const value of values) {
    if (isMissing(value)) continue;
    if (last >= 0 && runs.values[last] === value) runs.lengths[last] += 1;
    else {
      runs.values.push(value);
      runs.lengths.push(1);
      last += 1;
    }
  }
  return runs;
}

/** Strings in ascending order: every value is one run, and runs come in order of first appearance. */
function ascendingStrings(values: unknown[]): boolean {
  return values.every(
    (value, i) => typeof value === 'string' && (i === 0 || (values[i - 1] as string) < value),
  );
}

/**
 * count, unique, top, freq; top is the most frequent value, the first seen among equals (pandas ≥ 2.3).
 * Counting hundreds of thousands of different strings in a Map is slow; a column in order (timestamps)
 * is counted from its runs alone.
 */
export function objectStats(values: unknown[]): Record<string, Cell> {
  const runs = runsOf(values);
  let counts: { values: unknown[]; lengths: number[] } = runs;
  if (!ascendingStrings(runs.values)) {
    const merged = new Map<unknown, number>();
    runs.values.forEach((value, i) => merged.set(value, (merged.get(value) ?? 0) + runs.lengths[i]));
    counts = { values: [...merged.keys()], lengths: [...merged.values()] };
  }
  let top: Cell = NaN;
  let freq = NaN;
  counts.lengths.forEach((n, i) => {
    if (Number.isNaN(freq) || n > freq) {
      top = String(counts.values[i]);
      freq = n;
    }
  });
  const count = counts.lengths.reduce((sum, n) => sum + n, 0);
  return { count, unique: counts.values.length, top, freq };
}

/** numpy's default percentile: linear interpolation between the two nearest ranks. */
function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** count, mean, std (n − 1), min, quartiles, max over the non-null values; danfo computes the moments. */
export function numericStats(values: unknown[]): Record<string, Cell> {
  const present = values.filter((value) => !isMissing(value)).map(Number);
  if (present.length === 0)
    return Object.fromEntries(NUMERIC_STATS.map((stat) => [stat, stat === 'count' ? 0 : NaN]));
  const series = new Series(present);
  const sorted = [...present].sort((a, b) => a - b);
  return {
    count: present.length,
    mean: series.mean(),
    std: present.length > 1 ? series.std() : NaN,
    min: series.min(),
    '25%': quantile(sorted, 0.25),
    '50%': quantile(sorted, 0.5),
    '75%': quantile(sorted, 0.75),
    max: series.max(),
  };
}

/** The frame's columns as arrays; danfo's frame.column(name) builds a Series and checks its index (slow). */
function frameColumns(frame: DataFrame): unknown[][] {
  const rows = frame.values as unknown[][];
  return frame.columns.map((_, i) => rows.map((row) => row[i]));
}

function inputColumns(frame: DataFrame | Table): InputColumn[] {
  if (frame instanceof DataFrame) {
    const values = frameColumns(frame);
    return frame.columns.map((name, i) => ({
      name,
      numeric: DANFO_NUMERIC.has(frame.dtypes[i]),
      values: values[i],
    }));
  }
  return frame.columns.map((name, i) => ({
    name,
    numeric: SPARK_NUMERIC.has(frame.types[i]),
    values: frame.column(i),
  }));
}

/** describe()'s result: statistics by row label and column, printed as pandas prints it. */
export class Description {
  constructor(
    readonly index: string[],
    private readonly described: TextColumn[],
  ) {}

  get columns(): string[] {
    return this.described.map((column) => column.name);
  }

  /** One statistic, e.g. get('top', 'Host'); NaN where pandas shows NaN. */
  get(stat: string, column: string): Cell {
    const row = this.index.indexOf(stat);
    const found = this.described.find((c) => c.name === column);
    if (row < 0 || !found) throw new RangeError(`describe() has no ${stat} for ${column}`);
    return found.cells[row];
  }

  toString(): string {
    return frameText(this.index, this.described);
  }

  /** The table as pandas shows it in Jupyter (`_repr_html_`). */
  toHtml(): string {
    return frameHtml(this.index, this.described);
  }

  /** A cell whose last expression is a Description prints the table, as Jupyter does for pandas. */
  [inspect.custom](): string {
    return this.toString();
  }

  print(): void {
    console.log(this.toString());
  }
}

export function describe(frame: DataFrame | Table, { include }: { include?: 'all' } = {}): Description {
  const columns = inputColumns(frame);
  if (columns.length === 0) throw new RangeError('describe() needs at least one column');
  const hasNumeric = columns.some((column) => column.numeric);
  const chosen = include === 'all' || !hasNumeric ? columns : columns.filter((column) => column.numeric);
  const anyNumeric = chosen.some((column) => column.numeric);
  const anyObject = chosen.some((column) => !column.numeric);
  const index = anyNumeric && anyObject ? ALL_STATS : anyNumeric ? NUMERIC_STATS : OBJECT_STATS;
  const described = chosen.map((column): TextColumn => {
    const stats = column.numeric ? numericStats(column.values) : objectStats(column.values);
    return {
      name: column.name,
      kind: column.numeric ? 'float' : 'object',
      cells: index.map((stat) => stats[stat] ?? NaN),
    };
  });
  return new Description(index, described);
}
