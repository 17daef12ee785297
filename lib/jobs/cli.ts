// The lab programs are thin: parse the options, run the job, one top-level error handler.
import { describeError } from '../errors.js';
import { jobOptions, type JobOptions } from './batch-job.js';

/** `writes`: the job takes --output and --writer (filtered_writes). */
export function runJobCli(job: (options: JobOptions) => Promise<unknown>, { writes = false } = {}): void {
  let settled = false;
  // Node exits with 0 when nothing is left to wait for; a job still pending then is a failure, not success.
  process.once('beforeExit', () => {
    if (settled) return;
    console.error(
      'the job stopped before it finished (a request that never completed): nothing was swapped in',
    );
    process.exit(1);
  });
  Promise.resolve()
    .then(() => job(jobOptions(process.argv.slice(2), undefined, { writes })))
    .then(
      () => {
        settled = true;
        process.exit(0);
      },
      (err: unknown) => {
        settled = true;
        console.error(describeError(err));
        process.exit(1);
      },
    );
}
