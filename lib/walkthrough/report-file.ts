// Writing the report to disk: report/README.md with the charts beside it. The explanations the student
// wrote in the report it replaces are carried over into the new one; when they also changed it outside
// the explanation blocks, the old report is kept beside the new one (README.edited-<time>.md) first.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { codeCells } from '../jupyter/executed-notebook.js';
import { REPO_ROOT } from '../paths.js';
import { chartImages, writeCharts } from './report-charts.js';
import { editedOutsideExplanations, readExplanations, stampFingerprint } from './report-explanations.js';
import { renderReport, type ReportInput } from './report.js';

/** The step that runs the notebook (scripts/steps/10-notebook.ts): its charts go under it. */
const NOTEBOOK_STEP = 10;

/** The name on the report: the one given (`--name`), else git's user.name; undefined when neither is set. */
export function studentName(given?: string): string | undefined {
  if (given?.trim()) return given.trim();
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return name || undefined;
  } catch {
    // git exits 1 when user.name is not set
    return undefined;
  }
}

export interface WrittenReport {
  path: string;
  /** how many explanations came over from the report it replaced */
  explanations: number;
  /** the report it replaced, kept because it was edited outside the explanation blocks */
  kept?: string;
  charts: string[];
}

export function writeReport(
  dir: string,
  input: Omit<ReportInput, 'explanations' | 'charts'>,
  executedNotebook: string,
): WrittenReport {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'README.md');
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const explanations = before === undefined ? new Map<string, string>() : readExplanations(before);
  let kept: string | undefined;
  if (before !== undefined && before.trim() && editedOutsideExplanations(before)) {
    kept = join(dir, `README.edited-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
    copyFileSync(path, kept);
  }
  const notebook = basename(executedNotebook).replace(/(\.executed)?\.ipynb$/, '');
  const images = existsSync(executedNotebook)
    ? chartImages(notebook, codeCells(readFileSync(executedNotebook, 'utf8')))
    : [];
  const files = writeCharts(dir, images);
  const markdown = renderReport({ ...input, explanations, charts: { step: NOTEBOOK_STEP, files } });
  writeFileSync(path, stampFingerprint(markdown));
  return { path, explanations: explanations.size, kept, charts: files.map((f) => join(dir, f.file)) };
}
