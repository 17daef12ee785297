// A table whose rows stay in a DuckDB materialized result (columnar, in DuckDB's memory): what
// readParquet returns. Its row count is known without reading a row, show() decodes only the rows it
// prints, and whole columns are decoded (and kept) only when a cell asks for them; registerTable and
// countChart read the rows from `source` in DuckDB instead.
import type { DuckDBMaterializedResult } from '@duckdb/node-api';
import { decodeColumn, sparkType } from './duckdb-values.js';
import { rowsOf, type Row, type Table, type TableSource } from './table.js';

export class ResultTable implements Table {
  readonly columns: string[];
  readonly types: string[];
  private readonly decoded: unknown[][] = [];
  private built: Row[] | undefined;

  /** `result` must come from a connection that outlives the table (the notebook's default session). */
  constructor(
    private readonly result: DuckDBMaterializedResult,
    readonly source: TableSource,
  ) {
    this.columns = result.columnNames();
    this.types = result.columnTypes().map(sparkType);
  }

  get rowCount(): number {
    return this.result.rowCount;
  }

  get rows(): Row[] {
    this.built ??= rowsOf(
      this.columns,
      this.columns.map((_, i) => this.column(i)),
      0,
      this.rowCount,
    );
    return this.built;
  }

  head(count: number): Row[] {
    const rows = Math.max(0, Math.min(count, this.rowCount));
    const values = this.columns.map((_, i) => this.decoded[i] ?? decodeColumn(this.result, i, rows));
    return rowsOf(this.columns, values, 0, rows);
  }

  column(index: number): unknown[] {
    this.decoded[index] ??= decodeColumn(this.result, index);
    return this.decoded[index];
  }
}
