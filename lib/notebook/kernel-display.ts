// Rich outputs of the running notebook cell. tslab's public `display` sends one MIME type per output, but
// a table wants two in one output, as pandas' tables have: text/plain (what nbconvert, the grade and the
// tests read) and text/html (what the browser shows). tslab's kernel module sends any bundle: `display`
// itself calls its `lastWriteDisplayData`. It is reached through `globalThis.__tslab__`, which tslab's
// executor sets before it runs a cell (its `require` resolves from the notebook's folder, i.e. the
// project's tslab, the one the kernel runs); outside a kernel there is none and nothing is sent.

/** Output data by MIME type, e.g. { 'text/plain': …, 'text/html': … }. */
export type MimeBundle = Record<string, string>;

type WriteDisplayData = (
  message: { data: MimeBundle; metadata: object; transient: object },
  update: boolean,
) => void;

interface TslabGlobal {
  require(id: string): unknown;
}

function kernelWriter(): WriteDisplayData | null {
  const tslab = (globalThis as { __tslab__?: TslabGlobal }).__tslab__;
  if (!tslab) return null;
  const kernel = tslab.require('tslab/dist/jupyter') as { lastWriteDisplayData?: WriteDisplayData | null };
  return kernel.lastWriteDisplayData ?? null;
}

/** True when a tslab kernel runs this code (a notebook cell), so outputs can be displayed. */
export const inKernel = (): boolean => kernelWriter() !== null;

/** Shows `bundle` as one display_data output of the running cell; false when no tslab kernel runs us. */
export function displayBundle(bundle: MimeBundle): boolean {
  const write = kernelWriter();
  if (!write) return false;
  write({ data: bundle, metadata: {}, transient: {} }, false);
  return true;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text as HTML that keeps every line whole. Jupyter Notebook styles text outputs `white-space: pre-wrap`,
 * so a line wider than the window wraps and Spark's table falls apart; `pre` scrolls sideways instead.
 */
export function preformattedHtml(text: string): string {
  return `<pre style="white-space: pre">${text.replace(/[&<>]/g, (c) => ESCAPES[c])}</pre>`;
}
