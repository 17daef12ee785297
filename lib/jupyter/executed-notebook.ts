// Reading a notebook that a kernel executed: each code cell's source and text output, its images, and
// whether it failed. One definition of a failed cell for everyone who asks (the headless run, the grade,
// the tests): an `error` output, or text on stderr — tslab reports a type error or an exception as the
// cell's stderr and an error reply, not as an `error` output.

interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}

interface NotebookJson {
  cells: {
    cell_type: string;
    execution_count?: number | null;
    source: string | string[];
    metadata?: { tags?: string[] };
    outputs?: NotebookOutput[];
  }[];
}

const joined = (text: string | string[] | undefined) => (Array.isArray(text) ? text.join('') : (text ?? ''));

export interface CodeCell {
  /** 1 for the first code cell */
  number: number;
  /** the prompt's number, `In [n]:`, as the kernel counted; null for a cell not run */
  executionCount: number | null;
  /** the cell's tags (metadata.tags), which tests use to find a cell */
  tags: string[];
  source: string;
  /** its text outputs (stdout and text/plain) joined */
  text: string;
  /** what made it fail (error outputs as `name: value`, stderr text), or null */
  failure: string | null;
  /** images and rich outputs by MIME type: image/svg+xml, image/png, text/html */
  media: Record<string, string>[];
}

export function codeCells(notebookJson: string): CodeCell[] {
  const notebook = JSON.parse(notebookJson) as NotebookJson;
  return notebook.cells
    .filter((cell) => cell.cell_type === 'code')
    .map((cell, i) => {
      const outputs = cell.outputs ?? [];
      const failures = outputs
        .filter((o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'))
        .map((o) => (o.output_type === 'error' ? `${o.ename}: ${o.evalue}` : joined(o.text)));
      return {
        number: i + 1,
        executionCount: cell.execution_count ?? null,
        tags: cell.metadata?.tags ?? [],
        source: joined(cell.source),
        text: outputs
          .filter((o) => !(o.output_type === 'stream' && o.name === 'stderr'))
          .map((o) => joined(o.text) + joined(o.data?.['text/plain']))
          .join(''),
        failure: failures.length > 0 ? failures.join('\n').trim() : null,
        media: outputs
          .filter((o) => o.data)
          .map((o) => Object.fromEntries(Object.entries(o.data ?? {}).map(([type, v]) => [type, joined(v)]))),
      };
    });
}

/** The first failed code cell, with its source and message; null when every cell ran clean. */
export function firstFailure(notebookJson: string): string | null {
  const failed = codeCells(notebookJson).find((cell) => cell.failure !== null);
  return failed ? `code cell ${failed.number}:\n${failed.source}\n---\n${failed.failure}` : null;
}

/** True when some cell shows a chart (an SVG or PNG image, or SVG inside HTML). */
export function hasChart(cells: CodeCell[]): boolean {
  return cells.some((cell) =>
    cell.media.some(
      (m) =>
        m['image/svg+xml'] !== undefined || m['image/png'] !== undefined || /<svg/.test(m['text/html'] ?? ''),
    ),
  );
}
