// The grade: one check per fact, each with its evidence, printed as a score table.

export interface Check {
  step: string;
  check: string;
  pass: boolean;
  evidence: string;
}

export function score(checks: Check[]): { passed: number; total: number; allPassed: boolean } {
  const passed = checks.filter((c) => c.pass).length;
  return { passed, total: checks.length, allPassed: passed === checks.length };
}

/** A plain-text table, one row per check: step | check | result | evidence. */
export function formatScoreTable(checks: Check[]): string {
  const rows = [
    ['step', 'check', 'result', 'evidence'],
    ...checks.map((c) => [c.step, c.check, c.pass ? '✔ pass' : '✘ FAIL', c.evidence]),
  ];
  const widths = [0, 1, 2].map((col) => Math.max(...rows.map((r) => [...r[col]].length)));
  const pad = (text: string, width: number) => text + ' '.repeat(width - [...text].length);
  const line = (r: string[]) =>
    `${pad(r[0], widths[0])} | ${pad(r[1], widths[1])} | ${pad(r[2], widths[2])} | ${r[3]}`;
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-') + '-+---------';
  const { passed, total } = score(checks);
  return [line(rows[0]), rule, ...rows.slice(1).map(line), rule, `score: ${passed}/${total}`].join('\n');
}

/** The same table in Markdown, for the report. */
export function scoreTableMarkdown(checks: Check[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| step | check | result | evidence |',
    '|---|---|---|---|',
    ...checks.map(
      (c) => `| ${esc(c.step)} | ${esc(c.check)} | ${c.pass ? '✔ pass' : '✘ FAIL'} | ${esc(c.evidence)} |`,
    ),
  ].join('\n');
}

/** The grade as `npm run lab:grade -- --json` prints it: one entry per check with its points. */
export interface GradeJson {
  checks: { id: string; title: string; passed: boolean; points: number; max: number; hint: string }[];
  points: number;
  total: number;
}

/** The walkthrough's checks by id (`step<N>-<k>`, the k-th check of step N), a point each. */
export function walkthroughJson(checks: Check[]): GradeJson {
  const seen: Record<string, number> = {};
  const entries = checks.map((c) => {
    seen[c.step] = (seen[c.step] ?? 0) + 1;
    return {
      id: `step${c.step}-${seen[c.step]}`,
      title: c.check,
      passed: c.pass,
      points: c.pass ? 1 : 0,
      max: 1,
      hint: c.pass ? '' : c.evidence,
    };
  });
  return { checks: entries, points: score(checks).passed, total: checks.length };
}
