// Reading back what Spark's show() and printSchema() printed, for tests that check a job's printed
// output the way a student reads it.

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
