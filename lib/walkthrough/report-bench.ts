// Apache Bench in the report: one row per `ab` run (its user, its path, the requests, the failures, the
// rate), with ab's own text folded away beneath for whoever wants it.
import type { CommandRecord } from './records.js';

export interface BenchSummary {
  /** the user, as the run's Host header named it */
  host: string | null;
  path: string;
  complete: number | null;
  failed: number | null;
  /** ab prints "Non-2xx responses" only when there were some */
  non2xx: number | null;
  requestsPerSecond: number | null;
}

export const isBenchRun = (command: CommandRecord) => /^ab\s/.test(command.command);

function field(output: string, label: string): number | null {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(output);
  return match ? Number(match[1]) : null;
}

/** The path of the URL a command ends with: `ab … http://127.0.0.1:5000/join_a_guild` → `/join_a_guild`. */
const urlPath = (command: string) => (command.split(/\s+/).at(-1) ?? '').replace(/^\w+:\/\/[^/]+/, '') || '/';

export function summariseBench({ command, output }: CommandRecord): BenchSummary {
  const complete = field(output, 'Complete requests');
  return {
    host: /-H "?Host:\s*([^"\s]+)/i.exec(command)?.[1] ?? null,
    // ab prints the path it requested, unless it stopped before the first answer
    path: /^Document Path:\s+(\S+)/m.exec(output)?.[1] ?? urlPath(command),
    complete,
    failed: field(output, 'Failed requests'),
    non2xx: complete === null ? null : (field(output, 'Non-2xx responses') ?? 0),
    requestsPerSecond: field(output, 'Requests per second'),
  };
}

const cell = (value: number | null) => (value === null ? '—' : String(value));
const sum = (values: (number | null)[]) => values.reduce<number>((total, v) => total + (v ?? 0), 0);

/** The runs' table, then every run's full output in a <details> block; `fence` renders one command. */
export function benchMarkdown(runs: CommandRecord[], fence: (command: CommandRecord) => string): string {
  const summaries = runs.map(summariseBench);
  const lines = [
    '| user (Host) | path | requests | failed | non-2xx | requests per second |',
    '|---|---|---:|---:|---:|---:|',
    ...summaries.map(
      (s) =>
        `| ${s.host ?? '—'} | \`${s.path}\` | ${cell(s.complete)} | ${cell(s.failed)} | ${cell(s.non2xx)} | ${cell(s.requestsPerSecond)} |`,
    ),
    `| **all ${runs.length} runs** | | **${sum(summaries.map((s) => s.complete))}** | **${sum(summaries.map((s) => s.failed))}** | **${sum(summaries.map((s) => s.non2xx))}** | |`,
  ];
  const silent = runs.filter((_, i) => summaries[i].complete === null);
  for (const run of silent) {
    const last = run.output.trim().split('\n').at(-1) || '(no output)';
    lines.push('', `\`${run.command}\` printed no summary (exit code ${run.exitCode ?? '—'}): ${last}`);
  }
  lines.push(
    '',
    `<details><summary>ab's full output (${runs.length} ${runs.length === 1 ? 'run' : 'runs'})</summary>`,
    '',
    ...runs.flatMap((run) => [fence(run), '']),
    '</details>',
  );
  return lines.join('\n');
}
