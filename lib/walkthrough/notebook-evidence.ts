// What an executed notebook shows: its text outputs, its errors, its images.

interface NotebookOutput {
  output_type: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}

interface Notebook {
  cells: { cell_type: string; source: string | string[]; outputs?: NotebookOutput[] }[];
}

const joined = (text: string | string[] | undefined) => (Array.isArray(text) ? text.join('') : (text ?? ''));

export interface CodeCell {
  source: string;
  /** its text outputs (stream and text/plain) joined */
  text: string;
}

export interface NotebookEvidence {
  cells: CodeCell[];
  errors: string[];
  hasChart: boolean;
}

export function notebookEvidence(notebookJson: string): NotebookEvidence {
  const notebook = JSON.parse(notebookJson) as Notebook;
  const code = notebook.cells.filter((c) => c.cell_type === 'code');
  const outputs = code.flatMap((c) => c.outputs ?? []);
  return {
    cells: code.map((c) => ({
      source: joined(c.source),
      text: (c.outputs ?? []).map((o) => joined(o.text) + joined(o.data?.['text/plain'])).join(''),
    })),
    errors: outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`),
    hasChart: outputs.some(
      (o) =>
        o.data?.['image/svg+xml'] !== undefined ||
        /<svg/.test(joined(o.data?.['text/html'])) ||
        o.data?.['image/png'] !== undefined,
    ),
  };
}

/** pandas' describe() table for string columns: the `count` row's numbers, by column. */
export function describeCounts(text: string): Record<string, number> | undefined {
  const lines = text.split('\n');
  const countLine = lines.findIndex((l) => /^count\s/.test(l));
  if (countLine < 1 || !lines.some((l) => /^unique\s/.test(l)) || !lines.some((l) => /^freq\s/.test(l)))
    return undefined;
  const header = lines[countLine - 1].trim().split(/\s+/);
  const values = lines[countLine].trim().split(/\s+/).slice(1);
  if (header.length !== values.length) return undefined;
  return Object.fromEntries(header.map((name, i) => [name, Number(values[i])]));
}
