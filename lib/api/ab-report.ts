// What Apache Bench printed about a run against the game API: the figures of its report, for the tests,
// the benchmark and the lab's report.
import { PrerequisiteError } from '../errors.js';

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

/** ab's report, or null when ab stopped before printing one (a refused connection, a bad URL). */
export function readAbReport(output: string): AbReport | null {
  const complete = figure(output, 'Complete requests');
  const requestsPerSecond = figure(output, 'Requests per second');
  if (complete === undefined || requestsPerSecond === undefined) return null;
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

/** ab's report; an error with ab's last lines when it printed none. */
export function parseAbReport(output: string): AbReport {
  const report = readAbReport(output);
  if (!report) {
    throw new PrerequisiteError(`ab printed no report:\n${output.trim().split('\n').slice(-5).join('\n')}`);
  }
  return report;
}
