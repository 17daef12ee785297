// The student's Apache Bench runs: what they asked for (ab-runs.txt, one `<host> <path>` a line) and what
// `ab` reported for each when step 5 ran it (its record in report/run).
import type { CommandRecord } from '../walkthrough/records.js';

export interface PlannedRun {
  host: string;
  path: string;
}

/** What one `ab -n N -H "Host: h" URL` sent and how the API answered, from ab's own summary. */
export interface BenchResult extends PlannedRun {
  /** `Complete requests:` */
  complete: number;
  /** `Complete requests:` less `Non-2xx responses:` */
  answered2xx: number;
  /** `Document Length:` in bytes (the response's text) */
  documentBytes: number;
}

/** Parses ab-runs.txt: `<host> <path>` a line; `#` starts a comment. Throws on a line it cannot read. */
export function parseBenchRuns(text: string, file = 'ab-runs.txt'): PlannedRun[] {
  const runs: PlannedRun[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const [host, path, ...rest] = line.split(/\s+/);
    if (!path || rest.length > 0 || !path.startsWith('/') || !/^[\w.-]+(:\d+)?$/.test(host)) {
      throw new Error(
        `${file}:${i + 1}: "${raw.trim()}" is not a run: write one \`<host> <path>\` a line, e.g. \`user2.att.com /purchase_a_sword\``,
      );
    }
    runs.push({ host, path });
  });
  return runs;
}

const HOST_HEADER = /-H "Host: ([^"]+)"/;
const URL_PATH = /\bhttps?:\/\/[^/\s]+(\/\S*)/;
const number = (output: string, label: string) =>
  Number(new RegExp(`^${label}:\\s+(\\d+)`, 'm').exec(output)?.[1] ?? 0);

/** The `ab` commands of a step-5 record and what each reported. */
export function benchResults(commands: CommandRecord[]): BenchResult[] {
  return commands.flatMap((c) => {
    const host = HOST_HEADER.exec(c.command)?.[1];
    const path = URL_PATH.exec(c.command)?.[1];
    if (!c.command.startsWith('ab ') || !host || !path) return [];
    const complete = number(c.output, 'Complete requests');
    return [
      {
        host,
        path,
        complete,
        answered2xx: complete - number(c.output, 'Non-2xx responses'),
        documentBytes: number(c.output, 'Document Length'),
      },
    ];
  });
}
