// Reading back what Spark printed: show()'s tables and printSchema()'s fields (for tests that check a job's
// printed output the way a student reads it, and for the grade of `--engine spark`), and the error
// a PySpark program died of.

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

/** show()'s rendering of one value: `null`, and strings of more than 20 characters cut to 17 and `...`. */
export function showCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return 'null';
  return value.length > 20 ? `${value.slice(0, 17)}...` : value;
}

/**
 * The Java exception a PySpark program died of, from the traceback the driver prints on stdout
 * (`py4j.protocol.Py4JJavaError: …` then `: org.apache.spark.SparkException: … <cause>`).
 */
export function sparkFailure(stdout: string): string | undefined {
  return /^py4j\.protocol\.Py4JJavaError: .*\n: org\.apache\.spark\.SparkException: .*$/m.exec(stdout)?.[0];
}

/** The walkthrough's warning come true: rows of a second event schema against the first event's schema. */
export const SCHEMA_MISMATCH =
  /Input row doesn't have expected number of values required by the schema\. (\d+) fields are required while (\d+) values are provided\./;
