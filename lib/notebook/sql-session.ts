// An embedded DuckDB standing in for the SparkSession: tables registered by name, queried with real SQL.
// The notebook uses one default session (readParquet / registerTable / sql / countChart), as PySpark's
// notebook used one `spark`.
import {
  DuckDBInstance,
  StatementType,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBMaterializedResult,
} from '@duckdb/node-api';
import { LabError } from '../errors.js';
import { sqlIdentifier, sqlString } from '../parquet/duckdb.js';
import { decodeColumn, DUCKDB_TYPE_OF_SPARK, fetchColumns, sparkType } from './duckdb-values.js';
import { ResultTable } from './result-table.js';
import { columnTable, type Table, type TableSource } from './table.js';

export class SqlError extends LabError {}

// A query's rows are kept in a temporary table of this name (and a number) while they are read out.
const QUERY_RESULT = '__notebook_query_result';

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

function sqlError(err: unknown, sql: string): SqlError {
  return new SqlError(`SQL failed: ${(err as Error).message}`, `check the query: ${sql}`);
}

function decodedTable(result: DuckDBMaterializedResult): Table {
  const columns = result.columnNames();
  return columnTable(
    columns,
    result.columnTypes().map(sparkType),
    columns.map((_, i) => decodeColumn(result, i)),
  );
}

export class SqlSession {
  private queries = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<SqlSession> {
    // DuckDB keeps up to 128 MB of freed memory per thread for later queries; in a notebook that memory
    // is wanted by danfo next, so it goes back after each query that used more than 32 MB.
    const instance = await DuckDBInstance.create(':memory:', { allocator_flush_threshold: '32MB' });
    return new SqlSession(instance, await instance.connect());
  }

  /** Runs SQL; a mistake becomes a SqlError with DuckDB's message and the query in the hint. */
  private async run<T>(sql: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw sqlError(err, sql);
    }
  }

  /**
   * Runs a query and returns its rows. A single SELECT is kept in a temporary table and its columns read
   * out in bulk; anything else (SHOW, DESCRIBE, PRAGMA, CREATE, several statements) is decoded as it comes.
   */
  async query(sql: string): Promise<Table> {
    const kept = sqlIdentifier(`${QUERY_RESULT}_${++this.queries}`);
    if (await this.keepAsTable(sql, kept)) {
      try {
        const described = await this.run(sql, () =>
          this.connection.runAndReadAll(`SELECT * FROM ${kept} LIMIT 0`),
        );
        const columns = described.columnNames();
        const types = described.columnTypes();
        const values = await this.run(sql, () => fetchColumns(this.connection, kept, columns, types));
        return columnTable(columns, types.map(sparkType), values);
      } finally {
        await this.connection.run(`DROP TABLE IF EXISTS ${kept}`);
      }
    }
    return decodedTable(await this.run(sql, () => this.connection.run(sql)));
  }

  /** CREATE TEMP TABLE `kept` AS the query, when it is one SELECT that DuckDB lets a table be made of. */
  private async keepAsTable(sql: string, kept: string): Promise<boolean> {
    const statements = await this.run(sql, () => this.connection.extractStatements(sql));
    if (statements.count !== 1) return false;
    const prepared = await this.run(sql, () => statements.prepare(0));
    if (prepared.statementType !== StatementType.SELECT) return false;
    try {
      await this.connection.run(`CREATE TEMP TABLE ${kept} AS ${sql}`);
      return true;
    } catch (err) {
      // SHOW, DESCRIBE, SUMMARIZE and PRAGMA are SELECTs that CREATE … AS does not take.
      if ((err as Error).message.startsWith('Parser Error')) return false;
      throw sqlError(err, sql);
    }
  }

  /** The rows of `source` held in a materialized result (a Table whose rows stay in DuckDB). */
  async read(source: TableSource): Promise<ResultTable> {
    const result = await this.run(source.from, () => this.connection.run(`SELECT * FROM ${source.from}`));
    return new ResultTable(result, source);
  }

  /** Spark's registerTempTable: `name` becomes queryable, a view where DuckDB can read the rows itself. */
  async register(name: string, table: Table): Promise<void> {
    await this.dropOther(name, table.source ? 'BASE TABLE' : 'VIEW');
    if (table.source) {
      await this.connection.run(
        `CREATE OR REPLACE VIEW ${sqlIdentifier(name)} AS SELECT * FROM ${table.source.from}`,
      );
      return;
    }
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

  /** Drops `name` when it is of the other kind: CREATE OR REPLACE does not turn a view into a table. */
  private async dropOther(name: string, kind: 'VIEW' | 'BASE TABLE'): Promise<void> {
    const found = await this.connection.runAndReadAll(
      `SELECT 1 FROM information_schema.tables WHERE table_schema = 'main' ` +
        `AND lower(table_name) = lower(${sqlString(name)}) AND table_type = ${sqlString(kind)}`,
    );
    if (found.currentRowCount > 0)
      await this.connection.run(`DROP ${kind === 'VIEW' ? 'VIEW' : 'TABLE'} ${sqlIdentifier(name)}`);
  }

  /** How often each value of `column` occurs in `source`, in order of first appearance. */
  async valueCounts(source: TableSource, column: string): Promise<Map<unknown, number>> {
    const sql =
      `SELECT ${sqlIdentifier(column)}, count(*) FROM ${source.from} ` +
      `GROUP BY ALL ORDER BY min(${source.position})`;
    const result = await this.run(sql, () => this.connection.run(sql));
    const values = decodeColumn(result, 0);
    const counts = decodeColumn(result, 1);
    return new Map(values.map((value, i) => [value, counts[i] as number]));
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

/** The notebook's one session, opened on first use and kept for the process (its tables live in it). */
export function notebookSession(): Promise<SqlSession> {
  defaultSession ??= SqlSession.open();
  return defaultSession;
}

/** `purchases.registerTempTable('purchases')`: makes the rows queryable as `name` in sql(). */
export async function registerTable(name: string, table: Table): Promise<void> {
  await (await notebookSession()).register(name, table);
}

/** `spark.sql(query)`: real SQL (DuckDB's dialect) over the registered tables. */
export async function sql(query: string): Promise<Table> {
  return (await notebookSession()).query(query);
}
