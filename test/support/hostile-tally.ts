// The hostile-input suite's totals (docs/reliability.md): each test adds what it tried and what went
// wrong, to the file named by HOSTILE_TALLY when `npm run test:hostile` sets it; run-tests.mjs adds them up.
import { appendFileSync } from 'node:fs';

export interface Tally {
  /** distinct hostile inputs or faults tried */
  inputs: number;
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
