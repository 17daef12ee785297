// DuckDB's values as the notebook's JavaScript values, with Spark's type names. Two ways out of DuckDB:
// - decoding a materialized result's chunks value by value: fine for a few rows or for numbers, but
//   every string longer than 12 bytes costs a native call (seconds for a million strings);
// - in bulk, for a whole table (fetchColumns): text as codes into a dictionary, or as one JSON array.
import {
  JSDuckDBValueConverter,
  type DuckDBConnection,
  type DuckDBMaterializedResult,
  type DuckDBType,
} from '@duckdb/node-api';
import { sqlIdentifier } from '../parquet/duckdb.js';

// DuckDB's type names and Spark's, both ways; anything else is read as its DuckDB name and stored as text.
const SPARK_TYPE_OF_DUCKDB: Record<string, string> = {
  VARCHAR: 'string',
  BIGINT: 'long',
  INTEGER: 'integer',
  SMALLINT: 'short',
  TINYINT: 'byte',
  DOUBLE: 'double',
  FLOAT: 'float',
  BOOLEAN: 'boolean',
};
export const DUCKDB_TYPE_OF_SPARK: Record<string, string> = Object.fromEntries(
  Object.entries(SPARK_TYPE_OF_DUCKDB).map(([duck, spark]) => [spark, duck]),
);

export function sparkType(type: DuckDBType): string {
  const name = type.toString();
  return SPARK_TYPE_OF_DUCKDB[name] ?? name.toLowerCase();
}

/** BIGINT results (count(*), sums) come back as bigint; as numbers they print and convert like Spark's longs. */
export function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint' && value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER) {
    return Number(value);
  }
  return value;
}

/** Column `index` of the result's first `rows` rows (all of them by default), value by value. */
export function decodeColumn(result: DuckDBMaterializedResult, index: number, rows = Infinity): unknown[] {
  const values: unknown[] = [];
  for (let c = 0; c < result.chunkCount && values.length < rows; c++) {
    const vector = result.getChunk(c).getColumnVector(index);
    const end = Math.min(vector.itemCount, rows - values.length);
    for (let row = 0; row < end; row++) {
      values.push(
        plainValue(JSDuckDBValueConverter(vector.getItem(row), vector.type, JSDuckDBValueConverter)),
      );
    }
  }
  return values;
}

// Up to this many distinct values a text column travels as codes into a list of its values (a
// dictionary): a million repeats of 'user1.comcast.com' are one string, and integers decode cheaply.
const DICTIONARY_LIMIT = 256;

/** The first row of a query's result, decoded. */
async function firstRow(connection: DuckDBConnection, sql: string): Promise<unknown[]> {
  const result = await connection.run(sql);
  return result.columnNames().map((_, i) => decodeColumn(result, i, 1)[0]);
}

/** Text columns with few distinct values: each value's code (a 1-based position) into its dictionary. */
async function fetchCoded(
  connection: DuckDBConnection,
  table: string,
  columns: string[],
): Promise<unknown[][]> {
  // list_sort makes the dictionary the same list in both queries
  const dictionary = (column: string) =>
    `list_sort(list(DISTINCT ${column}) FILTER (WHERE ${column} IS NOT NULL))`;
  const dictionaries = (
    await firstRow(
      connection,
      `SELECT ${columns.map((column) => `to_json(${dictionary(column)})`).join(', ')} FROM ${table}`,
    )
  ).map((json) => (json === null ? [] : (JSON.parse(json as string) as unknown[])));
  const codes = await connection.run(
    `SELECT ${columns.map((column, i) => `list_position(d.d${i}, t.${column})::INTEGER`).join(', ')} ` +
      `FROM ${table} AS t, (SELECT ${columns.map((column, i) => `${dictionary(column)} AS d${i}`).join(', ')} FROM ${table}) AS d ` +
      'ORDER BY t.rowid',
  );
  return columns.map((_, i) => {
    const values: unknown[] = [];
    for (let c = 0; c < codes.chunkCount; c++) {
      const vector = codes.getChunk(c).getColumnVector(i);
      for (let row = 0; row < vector.itemCount; row++) {
        const code = vector.getItem(row) as number | null;
        values.push(code ? dictionaries[i][code - 1] : null);
      }
    }
    return values;
  });
}

// An ordered list() holds its rows while it is built: a text column goes out as JSON in slices of rows.
const JSON_SLICE = 131_072;

/** A text column as JSON arrays, in rowid order (list() follows it only when told to). */
async function fetchJson(
  connection: DuckDBConnection,
  table: string,
  column: string,
  rows: number,
): Promise<unknown[]> {
  const values: unknown[] = [];
  for (let first = 0; first < rows; first += JSON_SLICE) {
    const [json] = await firstRow(
      connection,
      `SELECT to_json(list(${column} ORDER BY rowid)) FROM ${table} ` +
        `WHERE rowid >= ${first} AND rowid < ${first + JSON_SLICE}`,
    );
    for (const value of json === null ? [] : (JSON.parse(json as string) as unknown[])) values.push(value);
  }
  return values;
}

/**
 * Every column of a DuckDB table, in rowid order: text columns in bulk (as codes into a dictionary
 * when they repeat a few values, else as a JSON array), the others decoded from an ordered result.
 */
export async function fetchColumns(
  connection: DuckDBConnection,
  table: string,
  columns: string[],
  types: DuckDBType[],
): Promise<unknown[][]> {
  const values: unknown[][] = [];
  const ids = columns.map(sqlIdentifier);
  const isText = (i: number) => types[i].toString() === 'VARCHAR';
  const text = columns.flatMap((_, i) => (isText(i) ? [i] : []));
  const other = columns.flatMap((_, i) => (isText(i) ? [] : [i]));
  if (text.length) {
    const [rows, ...distinct] = (await firstRow(
      connection,
      `SELECT count(*), ${text.map((i) => `approx_count_distinct(${ids[i]})`).join(', ')} FROM ${table}`,
    )) as number[];
    const coded = text.filter((_, k) => distinct[k] <= DICTIONARY_LIMIT);
    const codedValues = coded.length
      ? await fetchCoded(
          connection,
          table,
          coded.map((i) => ids[i]),
        )
      : [];
    coded.forEach((i, k) => (values[i] = codedValues[k]));
    for (const i of text.filter((i) => !coded.includes(i)))
      values[i] = await fetchJson(connection, table, ids[i], rows);
  }
  if (other.length) {
    const result = await connection.run(
      `SELECT ${other.map((i) => ids[i]).join(', ')} FROM ${table} ORDER BY rowid`,
    );
    other.forEach((i, k) => (values[i] = decodeColumn(result, k)));
  }
  return values;
}
