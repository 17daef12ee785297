// Apache Bench in the report: one row per `ab` run (its user, its path, the requests, the failures, the
// rate), with ab's own text folded away beneath for whoever wants it.
import { readAbReport, type AbReport } from '../api/ab-report.js';
import type { CommandRecord } from './records.js';

export interface BenchRun {
  /** the user, as the run's Host header named it */
  host: string | null;
  path: string;
  /** null when ab stopped before its report */
  report: AbReport | null;
}

export const isBenchRun = (command: CommandRecord) => /^ab\s/.test(command.command);

/** The path of the URL a command ends with: `ab … http://127.0.0.1:5000/join_a_guild` → `/join_a_guild`. */
const urlPath = (command: string) => (command.split(/\s+/).at(-1) ?? '').replace(/^\w+:\/\/[^/]+/, '') || '/';

export function summariseBench({ command, output }: CommandRecord): BenchRun {
  return {
    host: /-H "?Host:\s*([^"\s]+)/i.exec(command)?.[1] ?? null,
    // ab prints the path it requested, unless it stopped before the first answer
    path: /^Document Path:\s+(\S+)/m.exec(output)?.[1] ?? urlPath(command),
    report: readAbReport(output),
  };
}

const sum = (runs: BenchRun[], figure: (report: AbReport) => number) =>
  runs.reduce((total, run) => total + (run.report ? figure(run.report) : 0), 0);

/** The runs' table, then every run's full output in a <details> block; `fence` renders one command. */
export function benchMarkdown(commands: CommandRecord[], fence: (command: CommandRecord) => string): string {
  const runs = commands.map(summariseBench);
  const figures = ({ report }: BenchRun) =>
    report
      ? [report.complete, report.failed, report.non2xx, report.requestsPerSecond].join(' | ')
      : '— | — | — | —';
  const lines = [
    '| user (Host) | path | requests | failed | non-2xx | requests per second |',
    '|---|---|---:|---:|---:|---:|',
    ...runs.map((run) => `| ${run.host ?? '—'} | \`${run.path}\` | ${figures(run)} |`),
    `| **all ${runs.length} runs** | | **${sum(runs, (r) => r.complete)}** | **${sum(runs, (r) => r.failed)}** | **${sum(runs, (r) => r.non2xx)}** | |`,
  ];
  commands.forEach((command, i) => {
    if (runs[i].report) return;
    const last = command.output.trim().split('\n').at(-1) || '(no output)';
    lines.push(
      '',
      `\`${command.command}\` printed no report (exit code ${command.exitCode ?? '—'}): ${last}`,
    );
  });
  lines.push(
    '',
    `<details><summary>ab's full output (${runs.length} ${runs.length === 1 ? 'run' : 'runs'})</summary>`,
    '',
    ...commands.flatMap((command) => [fence(command), '']),
    '</details>',
  );
  return lines.join('\n');
}
