// The parts of `parquetjs-lite` (no published types) that the lab uses.
declare module 'parquetjs-lite' {
  export interface ParquetFieldDefinition {
    type: string;
    optional?: boolean;
    compression?: string;
  }

  export class ParquetSchema {
    constructor(fields: Record<string, ParquetFieldDefinition>);
    fieldList: { name: string; primitiveType?: string; originalType?: string }[];
  }

  export class ParquetWriter {
    static openFile(
      schema: ParquetSchema,
      path: string,
      options?: { rowGroupSize?: number },
    ): Promise<ParquetWriter>;
    appendRow(row: Record<string, unknown>): Promise<void>;
    close(): Promise<void>;
    setRowGroupSize(size: number): void;
  }

  export interface ParquetCursor {
    next(): Promise<Record<string, unknown> | null>;
  }

  export class ParquetReader {
    static openFile(path: string): Promise<ParquetReader>;
    getSchema(): ParquetSchema;
    getRowCount(): number | bigint;
    getCursor(columns?: string[]): ParquetCursor;
    close(): Promise<void>;
  }

  const parquet: {
    ParquetSchema: typeof ParquetSchema;
    ParquetWriter: typeof ParquetWriter;
    ParquetReader: typeof ParquetReader;
  };
  export default parquet;
}
