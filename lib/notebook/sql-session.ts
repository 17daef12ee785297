// An embedded DuckDB standing in for the SparkSession: tables registered from rows, queried with real SQL.
// The notebook uses one default session (registerTable / sql), as PySpark's notebook used one `spark`.
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { LabError } from '../errors.js';
import { sqlIdentifier, sqlString } from '../parquet/duckdb.js';
import { tableFromRows, type Row, type Table } from './table.js';

export class SqlError extends LabError {}

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
const DUCKDB_TYPE_OF_SPARK = Object.fromEntries(
  Object.entries(SPARK_TYPE_OF_DUCKDB).map(([duck, spark]) => [spark, duck]),
);

/** BIGINT results (count(*), sums) come back as bigint; as numbers they print and convert like Spark's longs. */
function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint' && value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER) {
    return Number(value);
  }
  return value;
}

function appendCell(appender: DuckDBAppender, duckType: string, value: unknown): void {
  if (value === null || value === undefined) return appender.appendNull();
  switch (duckType) {
    case 'BIGINT':
      return appender.appendBigInt(BigInt(value as number | bigint));
    case 'INTEGER':
    case 'SMALLINT':
    case 'TINYINT':
      return appender.appendInteger(Number(value));
    case 'DOUBLE':
    case 'FLOAT':
      return appender.appendDouble(Number(value));
    case 'BOOLEAN':
      return appender.appendBoolean(Boolean(value));
    default:
      return appender.appendVarchar(typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/** Runs a query on a DuckDB connection and returns its rows with Spark's type names. */
export async function queryTable(connection: DuckDBConnection, sql: string): Promise<Table> {
  let reader;
  try {
    reader = await connection.runAndReadAll(sql);
  } catch (err) {
    throw new SqlError(`SQL failed: ${(err as Error).message}`, `check the query: ${sql}`);
  }
  const columns = reader.columnNames();
  const types = reader
    .columnTypes()
    .map((type) => SPARK_TYPE_OF_DUCKDB[type.toString()] ?? type.toString().toLowerCase());
  const rows = reader.getRowObjectsJS().map((row) => {
    const plain: Row = {};
    for (const column of columns) plain[column] = plainValue(row[column]);
    return plain;
  });
  return tableFromRows(rows, { columns, types });
}

export class SqlSession {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<SqlSession> {
    const instance = await DuckDBInstance.create(':memory:');
    return new SqlSession(instance, await instance.connect());
  }

  /** Runs a query and returns its rows; a SQL mistake becomes a SqlError with DuckDB's message. */
  query(sql: string): Promise<Table> {
    return queryTable(this.connection, sql);
  }

  /** Creates (or replaces) table `name` with the table's columns and rows: Spark's registerTempTable. */
  async register(name: string, table: Table): Promise<void> {
    const duckTypes = table.types.map((type) => DUCKDB_TYPE_OF_SPARK[type] ?? 'VARCHAR');
    const columns = table.columns.map((column, i) => `${sqlIdentifier(column)} ${duckTypes[i]}`);
    await this.connection.run(`CREATE OR REPLACE TABLE ${sqlIdentifier(name)} (${columns.join(', ')})`);
    const values = table.columns.map((_, i) => table.column(i));
    const appender = await this.connection.createAppender(name);
    for (let row = 0; row < table.rowCount; row++) {
      values.forEach((column, i) => appendCell(appender, duckTypes[i], column[row]));
      appender.endRow();
    }
    appender.closeSync();
  }

  /** Writes a query's rows to one Snappy Parquet file (test data shaped like the jobs' output). */
  async copyToParquet(select: string, path: string): Promise<void> {
    await this.connection.run(`COPY (${select}) TO ${sqlString(path)} (FORMAT PARQUET, COMPRESSION SNAPPY)`);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

let defaultSession: Promise<SqlSession> | undefined;

function session(): Promise<SqlSession> {
  defaultSession ??= SqlSession.open();
  return defaultSession;
}

/** `purchases.registerTempTable('purchases')`: makes the rows queryable as `name` in sql(). */
export async function registerTable(name: string, table: Table): Promise<void> {
  await (await session()).register(name, table);
}

/** `spark.sql(query)`: real SQL (DuckDB's dialect) over the registered tables. */
export async function sql(query: string): Promise<Table> {
  return (await session()).query(query);
}
