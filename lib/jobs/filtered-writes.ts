// filtered_writes: the just_filtering rows, then `.write.mode('overwrite').parquet(output)` on HDFS.
// Rows are spooled to a local NDJSON file while the union schema grows (memory stays bounded), then
// one Parquet file is written from the spool (DuckDB by default, --writer parquetjs-lite) and streamed up into a temporary
// HDFS directory that replaces the output atomically (lib/hdfs/atomic-output.ts). Layout as Spark's:
// `part-00000-<uuid>-c000.snappy.parquet` and an empty `_SUCCESS`.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventExtractor } from '../events/extract.js';
import { isPurchase } from '../events/event.js';
import { HdfsClient } from '../hdfs/hdfs-client.js';
import { writeDirectoryAtomically, type AtomicWriteHooks } from '../hdfs/atomic-output.js';
import { NdjsonSpool } from '../parquet/ndjson.js';
import {
  writeParquetWithDuckDb,
  writeParquetWithParquetjs,
  type ParquetFileWriter,
} from '../parquet/writers.js';
import { ConfigError } from '../errors.js';
import { SchemaUnion } from '../spark/schema.js';
import { printPurchases } from './just-filtering.js';
import { readRows, ShowSample, summaryText, type JobOptions } from './batch-job.js';

export interface FilteredWritesOptions extends JobOptions {
  hooks?: AtomicWriteHooks;
}

/** The Parquet writers by name: DuckDB by default, parquetjs-lite for comparison (see README). */
export const PARQUET_WRITERS: Record<string, ParquetFileWriter> = {
  duckdb: writeParquetWithDuckDb,
  'parquetjs-lite': writeParquetWithParquetjs,
};

function parquetWriter(name = 'duckdb'): ParquetFileWriter {
  const writer = PARQUET_WRITERS[name];
  if (!writer)
    throw new ConfigError(
      `--writer ${name} is not a Parquet writer`,
      `use ${Object.keys(PARQUET_WRITERS).join(' or ')}`,
    );
  return writer;
}

export interface FilteredWritesResult {
  read: number;
  kept: number;
  rejected: number;
  written: number;
  /** The part file's name in the output directory, none when no row was kept. */
  partFile?: string;
  parquetBytes: number;
  /** Milliseconds spent reading Kafka (incl. spooling), writing Parquet, and putting it on HDFS. */
  timings: { read: number; parquet: number; hdfs: number };
}

/** Spark's name for the first (here: only) output file of a write. */
export function sparkPartFileName(uuid: string = randomUUID()): string {
  return `part-00000-${uuid}-c000.snappy.parquet`;
}

export async function filteredWrites(options: FilteredWritesOptions): Promise<FilteredWritesResult> {
  const writer = parquetWriter(options.writer);
  const hdfs = new HdfsClient(options.config.hdfs);
  const local = await mkdtemp(join(tmpdir(), 'filtered-writes-'));
  try {
    const extractor = new EventExtractor({ keep: isPurchase });
    const schema = new SchemaUnion();
    const sample = new ShowSample();
    const spool = new NdjsonSpool(join(local, 'rows.ndjson'));

    let started = performance.now();
    const read = await readRows(options, extractor, async (row) => {
      schema.add(row);
      sample.add(row);
      await spool.write(row);
    });
    await spool.close();
    const readMs = performance.now() - started;
    printPurchases(options, schema, sample);

    started = performance.now();
    const partFile = spool.rows > 0 ? sparkPartFileName() : undefined;
    const localPart = join(local, 'part.parquet');
    const parquet = partFile ? await writer(spool.path, schema.columns(), localPart) : { rows: 0, bytes: 0 };
    const parquetMs = performance.now() - started;

    started = performance.now();
    await writeDirectoryAtomically(
      hdfs,
      options.output,
      async (dir) => {
        if (partFile) await hdfs.upload(localPart, posix.join(dir, partFile));
      },
      { onRecovery: options.print, ...options.hooks },
    );
    const hdfsMs = performance.now() - started;

    const destination = `${options.output}${partFile ? '' : ' (no rows: _SUCCESS only)'}`;
    options.print(
      summaryText({ job: 'filtered_writes', read, extractor, written: parquet.rows, destination }),
    );
    return {
      read: extractor.read,
      kept: extractor.kept,
      rejected: extractor.rejects.count,
      written: parquet.rows,
      partFile,
      parquetBytes: parquet.bytes,
      timings: { read: readMs, parquet: parquetMs, hdfs: hdfsMs },
    };
  } finally {
    await rm(local, { recursive: true, force: true });
  }
}
