// Apache Bench, run for the tests and the benchmark; lib/api/ab-report.ts reads the figures of its report.
import { spawn } from 'node:child_process';
import { PrerequisiteError } from '../../lib/errors.js';

export { parseAbReport, type AbReport } from '../../lib/api/ab-report.js';

/**
 * Runs the real `ab` with these arguments and returns its whole output (ab exits non-zero on socket errors).
 * `onOutput` is told the output as it comes: with -n over 150, ab reports "Completed N requests" each tenth.
 */
export function runAb(args: string[], onOutput?: (text: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('ab', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      onOutput?.(chunk.toString());
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (err) =>
      reject(new PrerequisiteError(`could not run ab: ${err.message}`, 'install apache2-utils')),
    );
    child.on('close', () => resolve(output));
  });
}
