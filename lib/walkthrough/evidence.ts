// Reading the evidence a lab run leaves behind: access-log lines, Spark-style tables and schemas
// printed by the jobs. Pure functions over text, so the grader can be tested without a stack.

/** How many Werkzeug access-log lines `"GET <path> HTTP/1.x" <status>` the log holds. */
export function countRequests(log: string, path: string, status = 200): number {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`"GET ${escaped} HTTP/1\\.[01]" ${status} `, 'g');
  return log.match(line)?.length ?? 0;
}

export interface ShownTable {
  columns: string[];
  rows: string[][];
}

/** The tables in text printed by Spark's show(): `+---+` borders, a header row, data rows. */
export function parseShowTables(text: string): ShownTable[] {
  const tables: ShownTable[] = [];
  const lines = text.split('\n');
  const cells = (line: string) =>
    line
      .trim()
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
  for (let i = 0; i < lines.length; i++) {
    if (!/^\+-[-+]*\+$/.test(lines[i].trim()) || !lines[i + 1]?.trim().startsWith('|')) continue;
    const columns = cells(lines[i + 1]);
    const rows: string[][] = [];
    let j = i + 3; // border, header, border, then data
    while (j < lines.length && lines[j].trim().startsWith('|')) rows.push(cells(lines[j++]));
    tables.push({ columns, rows });
    i = j; // skip past the closing border
  }
  return tables;
}

/** Field names printed by printSchema(): ` |-- name: string (nullable = true)`. */
export function parseSchemaFields(text: string): string[] {
  return [...text.matchAll(/^ \|-- (.+?): \w+ \(nullable = (?:true|false)\)$/gm)].map((m) => m[1]);
}

export interface CountVerdict {
  pass: boolean;
  evidence: string;
}

/**
 * The lab sends `perRun` requests per route and run. Exactly that passes; a whole multiple passes with
 * the reason (a step was run again); anything else fails with what was expected.
 */
export function judgeCount(found: number, perRun: number, what: string, step: string): CountVerdict {
  if (found === perRun) return { pass: true, evidence: `${found} ${what}` };
  if (found > 0 && found % perRun === 0) {
    return {
      pass: true,
      evidence: `${found} ${what} = ${found / perRun} runs of ${step} (each adds ${perRun}); a full \`npm run lab\` starts from an empty topic`,
    };
  }
  if (found === 0) return { pass: false, evidence: `no ${what}: run ${step}` };
  return {
    pass: false,
    evidence: `${found} ${what}, expected ${perRun} (or a multiple, one per run of ${step}): some requests failed or extra ones were sent`,
  };
}
