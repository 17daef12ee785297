// One in-memory DuckDB per process, opened on first use; a connection of its own per call, closed
// afterwards whatever happens (a connection's temporary tables go with it). Opening a DuckDB costs
// ~30 ms, a connection well under one: separate_events writes a file per event type.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { textDecoder } from '@duckdb/node-api/lib/vectors/dataAccessors.js';

// @duckdb/node-api turns every VARCHAR into a JavaScript string with one shared `new TextDecoder()`,
// which drops a byte order mark at the start of each value: a value that begins with U+FEFF would read
// back one character short. Its decoder keeps the mark here, for every connection of the process (the
// jobs' readers and the notebook's session alike).
const keepingBom = new TextDecoder('utf-8', { ignoreBOM: true });
textDecoder.decode = (input?: Parameters<TextDecoder['decode']>[0]) => keepingBom.decode(input);

let instance: Promise<DuckDBInstance> | undefined;

export async function withDuckDb<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  // one thread: as fast here (one file at a time, rows in order) and ~35 MB less memory than one per core
  instance ??= DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await (await instance).connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
  }
}

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A SQL identifier (column names like `User-Agent` need the quotes). */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
