// Apache Bench, run and read: the figures of its report that the tests and the benchmark need.
import { spawn } from 'node:child_process';
import { PrerequisiteError } from '../../lib/errors.js';

export interface AbReport {
  complete: number;
  failed: number;
  /** responses that arrived with a status outside 2xx */
  non2xx: number;
  keepAlive: number;
  requestsPerSecond: number;
  /** ab's "served within a certain time" table: percent → ms */
  percentiles: Map<number, number>;
}

function figure(output: string, label: string): number | undefined {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output);
  return match ? Number(match[1]) : undefined;
}

export function parseAbReport(output: string): AbReport {
  const complete = figure(output, 'Complete requests');
  const requestsPerSecond = figure(output, 'Requests per second');
  if (complete === undefined || requestsPerSecond === undefined) {
    throw new PrerequisiteError(`ab printed no report:\n${output.trim().split('\n').slice(-5).join('\n')}`);
  }
  const percentiles = new Map<number, number>();
  for (const match of output.matchAll(/^\s+(\d+)%\s+(\d+)/gm))
    percentiles.set(Number(match[1]), Number(match[2]));
  return {
    complete,
    failed: figure(output, 'Failed requests') ?? 0,
    non2xx: figure(output, 'Non-2xx responses') ?? 0,
    keepAlive: figure(output, 'Keep-Alive requests') ?? 0,
    requestsPerSecond,
    percentiles,
  };
}

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
