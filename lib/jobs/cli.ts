// The lab programs are thin: parse the options, run the job, one top-level error handler.
import { describeError } from '../errors.js';
import { jobOptions, type JobOptions } from './batch-job.js';

export function runJobCli(job: (options: JobOptions) => Promise<unknown>): void {
  Promise.resolve()
    .then(() => job(jobOptions(process.argv.slice(2))))
    .then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(describeError(err));
        process.exit(1);
      },
    );
}
