// The hostile-input suite's totals (docs/reliability.md): each test adds what it tries and what went
// wrong, as it goes, to the file named by HOSTILE_TALLY (run-tests.mjs sets it and adds the lines up,
// scripts/hostile-totals.ts). What a test tries is added before its assertions and what it measured
// before it asserts on it, so a failing test still counts; whether a test failed comes from the runner.
import { appendFileSync } from 'node:fs';

export interface Tally {
  /** distinct hostile inputs or faults tried */
  inputs?: number;
  /** runs of a job that failed (exit code not 0) on such input */
  jobFailures?: number;
  /** acknowledged events missing from the topic or from a job's read */
  lost?: number;
  /** events found more than once */
  duplicated?: number;
  /** credential values found in Kafka, Parquet or the report */
  secrets?: number;
}

export function tally(section: string, counts: Tally): void {
  const file = process.env.HOSTILE_TALLY;
  if (file) appendFileSync(file, `${JSON.stringify({ section, ...counts })}\n`);
}

export interface TalliedCase {
  /** Awaits a job's run; one that fails (a non-zero exit rejects) counts as a job failure, then throws. */
  job<T>(run: Promise<T>): Promise<T>;
  /** Adds what the case measured: call it before asserting on the figures. */
  add(counts: Omit<Tally, 'inputs'>): void;
}

/** Starts a case: its inputs count as tried now, whatever its assertions find later. */
export function tallyCase(section: string, inputs: number): TalliedCase {
  tally(section, { inputs });
  return {
    async job(run) {
      try {
        return await run;
      } catch (err) {
        tally(section, { jobFailures: 1 });
        throw err;
      }
    },
    add: (counts) => tally(section, counts),
  };
}
