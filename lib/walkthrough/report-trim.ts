// Outputs made short enough to read in a report: a Spark show() table keeps its first rows, and a long
// output keeps its head and tail. Each cut says how many lines it left out.

const omitted = (lines: number) => `… ${lines} lines omitted …`;

/** Long outputs keep their head and tail: a report is read, not grepped. */
export function trimOutput(output: string, head = 60, tail = 15): string {
  const lines = output.split('\n');
  if (lines.length <= head + tail + 5) return output;
  return [...lines.slice(0, head), omitted(lines.length - head - tail), ...lines.slice(-tail)].join('\n');
}

const BORDER = /^\+-[-+]*\+$/;

/**
 * Every table Spark's show() printed keeps its header and first `rows` rows: ten identical rows tell a
 * reader no more than three. A table whose cut would save fewer than two lines stays whole.
 */
export function trimTables(output: string, rows = 3): string {
  const out: string[] = [];
  // borders seen in the current table: 1 before the header, 2 once the rows begin
  let borders = 0;
  let body: string[] = [];
  for (const line of output.split('\n')) {
    if (borders === 2 && line.startsWith('|')) {
      body.push(line);
      continue;
    }
    if (borders === 2) {
      out.push(...(body.length >= rows + 2 ? [...body.slice(0, rows), omitted(body.length - rows)] : body));
      body = [];
    }
    borders = BORDER.test(line) ? (borders + 1) % 3 : borders === 1 && line.startsWith('|') ? 1 : 0;
    out.push(line);
  }
  out.push(...body);
  return out.join('\n');
}
