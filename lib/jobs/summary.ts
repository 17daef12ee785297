// How a batch job ends: one line of counts (read, kept, rejected, written), the rejected records by
// partition and offset, and — when the walkthrough runs the job — the same as data for the grade
// (`$LAB_RESULTS_DIR/<job>.json`, the lab's counterpart of Spark's event log), so nothing has to parse
// the printed tables back.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventReader } from '../events/read-events.js';
import { describeRejects, type RejectedRecord } from '../events/rejects.js';
import type { ParquetOutput } from '../parquet/write-parquet.js';
import type { Row, RowFrame } from '../spark/row-frame.js';

export interface ShownTable {
  /** the filter it shows, e.g. `event_type == 'purchase_sword'`; none for the whole frame */
  where?: { column: string; value: string | null };
  /** rows in the frame */
  count: number;
  /** the rows show() printed */
  shown: Row[];
}

export interface JobSummary {
  job: string;
  topic: string;
  partitions: number;
  read: number;
  kept: number;
  rejected: number;
  /** the first rejected records, with why */
  rejects: RejectedRecord[];
  /** the frame's schema, as printSchema() prints it */
  columns: string[];
  tables: ShownTable[];
  written?: Omit<ParquetOutput, 'timings'>;
}

const SHOWN = 20;

/** A table the job showed: the whole frame, or `frame.filter(column, value)`. */
export function shownTable(frame: RowFrame, where?: ShownTable['where']): ShownTable {
  return { ...(where ? { where } : {}), count: frame.count, shown: frame.rows.slice(0, SHOWN) };
}

export function jobSummary(
  job: string,
  reader: EventReader,
  frame: RowFrame,
  tables: ShownTable[],
  written?: ParquetOutput,
): JobSummary {
  return {
    job,
    topic: reader.topic,
    partitions: reader.ranges.length,
    read: reader.read,
    kept: frame.count,
    rejected: reader.rejects.count,
    rejects: [...reader.rejects.records],
    columns: frame.columns(),
    tables,
    ...(written
      ? {
          written: {
            dir: written.dir,
            rows: written.rows,
            partFiles: written.partFiles,
            bytes: written.bytes,
          },
        }
      : {}),
  };
}

/** `filtered_writes summary: read 43 records from topic events (1 partition), kept 10, …` and the rejects. */
export function summaryText(s: JobSummary): string {
  const where = `topic ${s.topic} (${s.partitions} partition${s.partitions === 1 ? '' : 's'})`;
  const to = s.written
    ? ` to ${s.written.dir}${s.written.partFiles.length === 0 ? ' (no rows: _SUCCESS only)' : ''}`
    : '';
  const lines = [
    `${s.job} summary: read ${s.read} records from ${where}, kept ${s.kept}, ` +
      `rejected ${s.rejected}, written ${s.written?.rows ?? 0}${to}`,
  ];
  if (s.rejected > 0) lines.push(`rejected records (skipped): ${describeRejects(s.rejects, s.rejected)}`);
  return lines.join('\n');
}

/** Prints the summary and, when LAB_RESULTS_DIR is set (the walkthrough sets it), saves it as JSON. */
export function finishJob(
  summary: JobSummary,
  print: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): JobSummary {
  print(summaryText(summary));
  const dir = env.LAB_RESULTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${summary.job}.json`), `${JSON.stringify(summary, null, 2)}\n`);
  }
  return summary;
}
