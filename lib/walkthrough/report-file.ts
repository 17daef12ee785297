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

/** A name given with --name is remembered in the report, so that later runs keep it without the option. */
const GIVEN_NAME = /^<!-- student name as given: (".*") -->$/m;
const givenNameLine = (name: string) =>
  `<!-- student name as given: ${JSON.stringify(name).replace(/>/g, '\\u003e')} -->`;

function gitUserName(): string | undefined {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return name || undefined;
  } catch {
    // git exits 1 when user.name is not set
    return undefined;
  }
}

/**
 * The name on the report: the one given now (`--name`), else the one given on an earlier run, which the
 * report it replaces remembers, else git's user.name; `given` is the one to remember.
 */
export function studentName(
  now: string | undefined,
  before: string | undefined,
): { name: string | undefined; given: string | undefined } {
  const given = now?.trim() || rememberedName(before);
  return { name: given ?? gitUserName(), given };
}

function rememberedName(before: string | undefined): string | undefined {
  const line = before === undefined ? undefined : GIVEN_NAME.exec(before)?.[1];
  try {
    return line === undefined ? undefined : String(JSON.parse(line)).trim() || undefined;
  } catch {
    // a line someone mangled by hand: the name is then git's until --name gives it again
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
  input: Omit<ReportInput, 'explanations' | 'charts' | 'student'>,
  executedNotebook: string,
  name?: string,
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
  const student = studentName(name, before);
  const markdown = renderReport({
    ...input,
    student: student.name,
    explanations,
    charts: { step: NOTEBOOK_STEP, files },
  });
  const remember = student.given === undefined ? '' : `\n${givenNameLine(student.given)}\n`;
  writeFileSync(path, stampFingerprint(markdown + remember));
  return { path, explanations: explanations.size, kept, charts: files.map((f) => join(dir, f.file)) };
}
