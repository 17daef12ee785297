// `df.write.mode('overwrite').parquet(dir)` for a RowFrame whose rows went to a local spool: one Snappy
// Parquet file written from the spool (DuckDB by default; parquetjs-lite for comparison: docs/benchmarks.md),
// streamed up into a temporary HDFS directory that replaces `dir` atomically (lib/hdfs/atomic-output.ts),
// in Spark's layout: `part-00000-<uuid>-c000.snappy.parquet` and an empty `_SUCCESS`. Partitioned by a
// column (separate_events --write), a spool per value and a part file in each `column=value` folder.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConfigError } from '../errors.js';
import { writeDirectoryAtomically, type AtomicWriteHooks } from '../hdfs/atomic-output.js';
import { HdfsClient } from '../hdfs/hdfs-client.js';
import { registerCleanup } from '../process/cleanup.js';
import type { Row, RowFrame, RowSink } from '../spark/row-frame.js';
import { NdjsonSpool } from './ndjson.js';
import { partitionFolder } from './partitions.js';
import { writeParquetWithDuckDb, writeParquetWithParquetjs, type ParquetFileWriter } from './writers.js';

/** The Parquet writers by name: DuckDB by default, parquetjs-lite for comparison (docs/benchmarks.md). */
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

/** Spark's name for the part file task `task` writes in the write job `uuid`. */
export function sparkPartFileName(task: number, uuid: string): string {
  return `part-${String(task).padStart(5, '0')}-${uuid}-c000.snappy.parquet`;
}

/** Where rows wait, on local disk, for the Parquet writer; remove() when done. */
export class ParquetSpool {
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

  write(rows: readonly Row[]): Promise<void> {
    return this.rows.write(rows);
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
  /** the part files' paths in `dir`, `column=value/part-…` when partitioned (none when no row was kept: `_SUCCESS` only) */
  partFiles: string[];
  bytes: number;
  /** milliseconds spent writing Parquet locally and putting the directory in place on HDFS */
  timings: { parquet: number; hdfs: number };
}

/**
 * A frame's sink that keeps each Kafka partition's rows apart, as Spark's tasks do (one task per
 * partition, one part file per task).
 */
export class TaskSpools implements RowSink {
  private readonly spools = new Map<number, ParquetSpool>();
  private readonly unregister = registerCleanup(() => this.remove());

  async write(rows: readonly Row[], partition: number): Promise<void> {
    let spool = this.spools.get(partition);
    if (!spool) this.spools.set(partition, (spool = await ParquetSpool.create()));
    await spool.write(rows);
  }

  /** The spools by partition, in partition order. */
  byTask(): ParquetSpool[] {
    return [...this.spools].sort(([a], [b]) => a - b).map(([, spool]) => spool);
  }

  async remove(): Promise<void> {
    this.unregister();
    for (const spool of this.spools.values()) await spool.remove();
  }
}

/**
 * `frame.write.mode('overwrite').parquet(dir)`, the frame's rows read back from `tasks`:
 * `part-0000N-<uuid>-c000.snappy.parquet`, one per Kafka partition that had rows, all with the frame's
 * schema.
 */
export function writeParquet(
  frame: RowFrame,
  tasks: TaskSpools,
  dir: string,
  options: WriteParquetOptions = {},
): Promise<ParquetOutput> {
  return writeParts(
    tasks.byTask().map((spool) => ({ folder: '', spool })),
    frame.columns(),
    dir,
    options,
  );
}

/** Spools by value of one column: each row waits in its partition's spool (a frame's sink). */
export class PartitionSpools implements RowSink {
  // by folder name: null and '' share Spark's default partition
  private readonly spools = new Map<string, ParquetSpool>();

  constructor(readonly column: string) {}

  async write(rows: readonly Row[]): Promise<void> {
    const byFolder = new Map<string, Row[]>();
    for (const row of rows) {
      const folder = partitionFolder(this.column, row[this.column] ?? null);
      const same = byFolder.get(folder);
      if (same) same.push(row);
      else byFolder.set(folder, [row]);
    }
    for (const [folder, same] of byFolder) {
      let spool = this.spools.get(folder);
      if (!spool) this.spools.set(folder, (spool = await ParquetSpool.create()));
      await spool.write(same);
    }
  }

  /** Each partition's folder and spool, in order of first appearance. */
  parts(): { folder: string; spool: ParquetSpool }[] {
    return [...this.spools].map(([folder, spool]) => ({ folder, spool }));
  }

  async remove(): Promise<void> {
    for (const spool of this.spools.values()) await spool.remove();
  }
}

/**
 * `frame.write.partitionBy(column).mode('overwrite').parquet(dir)`: a folder `column=value` per value
 * (lib/parquet/partitions.ts), each with one part file of its rows in the frame's other columns, `_SUCCESS`
 * at the top; the whole directory replaced at once, as writeParquet replaces one.
 */
export function writePartitionedParquet(
  frame: RowFrame,
  partitions: PartitionSpools,
  dir: string,
  options: WriteParquetOptions = {},
): Promise<ParquetOutput> {
  const columns = frame.columns().filter((column) => column !== partitions.column);
  return writeParts(partitions.parts(), columns, dir, options);
}

/** Each spool as one Parquet part in its folder under `dir` ('' for `dir` itself), one atomic overwrite. */
async function writeParts(
  parts: { folder: string; spool: ParquetSpool }[],
  columns: string[],
  dir: string,
  options: WriteParquetOptions,
): Promise<ParquetOutput> {
  const writer = parquetWriter(options.writer);
  const hdfs = options.hdfs ?? new HdfsClient();
  const job = randomUUID();
  let started = performance.now();
  const local: { file: string; path: string }[] = [];
  let rows = 0;
  let bytes = 0;
  for (const { folder, spool } of parts) {
    await spool.rows.close();
    if (spool.rows.rows === 0) continue;
    const path = join(spool.dir, 'part.parquet');
    const parquet = await writer(spool.rows.path, columns, path);
    // a folder of its own (partitionBy) numbers its parts afresh
    const task = folder ? 0 : local.length;
    local.push({ file: posix.join(folder, sparkPartFileName(task, job)), path });
    rows += parquet.rows;
    bytes += parquet.bytes;
  }
  const parquetMs = performance.now() - started;
  started = performance.now();
  await writeDirectoryAtomically(
    hdfs,
    dir,
    async (tempDir) => {
      for (const { file, path } of local) await hdfs.upload(path, posix.join(tempDir, file));
    },
    { onRecovery: options.onRecovery, ...options.hooks },
  );
  return {
    dir,
    rows,
    partFiles: local.map(({ file }) => file),
    bytes,
    timings: { parquet: parquetMs, hdfs: performance.now() - started },
  };
}
