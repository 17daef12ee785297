// Rows streamed to a local newline-delimited JSON file: the spool between the Kafka read and the
// Parquet writer, which needs the whole schema (the union of fields) before it writes the first row.
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

// Lines are gathered into chunks of about this many characters before they go to the file: one stream
// write per row costs more than the JSON of the row itself.
const CHUNK = 256 * 1024;

export class NdjsonSpool {
  private readonly stream: WriteStream;
  private pending = '';
  rows = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }

  /** Appends rows; waits when the file stream's buffer is full, so memory stays bounded. */
  async write(rows: readonly Record<string, unknown>[]): Promise<void> {
    this.rows += rows.length;
    for (const row of rows) this.pending += `${JSON.stringify(row)}\n`;
    if (this.pending.length < CHUNK) return;
    const chunk = this.pending;
    this.pending = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes and closes the file; harmless when closed already. */
  async close(): Promise<void> {
    if (this.stream.writableFinished) return;
    const finished = once(this.stream, 'finish');
    this.stream.end(this.pending);
    this.pending = '';
    await finished;
  }
}

/**
 * The rows of an NDJSON file, one at a time. Lines end at '\n' alone: JSON.stringify leaves U+2028 and
 * U+2029 unescaped inside strings, and Node 24's readline ends a line at them.
 */
export async function* readNdjson(path: string): AsyncGenerator<Record<string, unknown>> {
  let rest = '';
  // utf8: the stream's decoder keeps a character split across two chunks whole
  for await (const chunk of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line) yield JSON.parse(line) as Record<string, unknown>;
  }
  if (rest) yield JSON.parse(rest) as Record<string, unknown>;
}
