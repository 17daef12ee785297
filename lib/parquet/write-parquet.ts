// `df.write.mode('overwrite').parquet(dir)` for a RowFrame whose rows went to a local spool: one Snappy
// Parquet file written from the spool (DuckDB by default; parquetjs-lite for comparison, see README),
// streamed up into a temporary HDFS directory that replaces `dir` atomically (lib/hdfs/atomic-output.ts),
// in Spark's layout: `part-00000-<uuid>-c000.snappy.parquet` and an empty `_SUCCESS`.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConfigError } from '../errors.js';
import { writeDirectoryAtomically, type AtomicWriteHooks } from '../hdfs/atomic-output.js';
import { HdfsClient } from '../hdfs/hdfs-client.js';
import { registerCleanup } from '../process/cleanup.js';
import type { RowFrame, RowSink } from '../spark/row-frame.js';
import { NdjsonSpool } from './ndjson.js';
import { writeParquetWithDuckDb, writeParquetWithParquetjs, type ParquetFileWriter } from './writers.js';

/** The Parquet writers by name: DuckDB by default, parquetjs-lite for comparison (see README). */
export const PARQUET_WRITERS: Record<string, ParquetFileWriter> = {
  duckdb: writeParquetWithDuckDb,
  'parquetjs-lite': writeParquetWithParquetjs,
};

export function parquetWriter(name = 'duckdb'): ParquetFileWriter {
  const writer = PARQUET_WRITERS[name];
  if (!writer)
    throw new ConfigError(
      `--writer ${name} is not a Parquet writer`,
      `use ${Object.keys(PARQUET_WRITERS).join(' or ')}`,
    );
  return writer;
}

/** Spark's name for the first (here: only) output file of a write. */
export function sparkPartFileName(uuid: string = randomUUID()): string {
  return `part-00000-${uuid}-c000.snappy.parquet`;
}

/** Where a frame's rows wait, on local disk, for the Parquet writer; remove() when done. */
export class ParquetSpool implements RowSink {
  // a program stopped by a signal removes the spool too (lib/cli.ts runs the registered cleanups)
  private readonly unregister = registerCleanup(() => this.remove());

  private constructor(
    readonly dir: string,
    readonly rows: NdjsonSpool,
  ) {}

  static async create(): Promise<ParquetSpool> {
    const dir = await mkdtemp(join(tmpdir(), 'filtered-writes-'));
    return new ParquetSpool(dir, new NdjsonSpool(join(dir, 'rows.ndjson')));
  }

  write(row: Parameters<RowSink['write']>[0]): Promise<void> {
    return this.rows.write(row);
  }

  async remove(): Promise<void> {
    this.unregister();
    await this.rows.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}

export interface WriteParquetOptions {
  writer?: string;
  hdfs?: HdfsClient;
  /** told what a run killed earlier left behind and what was mended */
  onRecovery?: (message: string) => void;
  hooks?: AtomicWriteHooks;
}

export interface ParquetOutput {
  dir: string;
  rows: number;
  /** the part files' names in `dir` (none when no row was kept: `_SUCCESS` only) */
  partFiles: string[];
  bytes: number;
  /** milliseconds spent writing Parquet locally and putting the directory in place on HDFS */
  timings: { parquet: number; hdfs: number };
}

/** `frame.write.mode('overwrite').parquet(dir)`, the frame's rows read back from `spool`. */
export async function writeParquet(
  frame: RowFrame,
  spool: ParquetSpool,
  dir: string,
  options: WriteParquetOptions = {},
): Promise<ParquetOutput> {
  const writer = parquetWriter(options.writer);
  const hdfs = options.hdfs ?? new HdfsClient();
  await spool.rows.close();
  let started = performance.now();
  const partFiles = spool.rows.rows > 0 ? [sparkPartFileName()] : [];
  const localPart = join(spool.dir, 'part.parquet');
  const parquet =
    partFiles.length > 0 ? await writer(spool.rows.path, frame.columns(), localPart) : { rows: 0, bytes: 0 };
  const parquetMs = performance.now() - started;
  started = performance.now();
  await writeDirectoryAtomically(
    hdfs,
    dir,
    async (tempDir) => {
      for (const name of partFiles) await hdfs.upload(localPart, posix.join(tempDir, name));
    },
    { onRecovery: options.onRecovery, ...options.hooks },
  );
  return {
    dir,
    rows: parquet.rows,
    partFiles,
    bytes: parquet.bytes,
    timings: { parquet: parquetMs, hdfs: performance.now() - started },
  };
}
