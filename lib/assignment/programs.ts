// Whose programs the walkthrough runs: the student's, from the assignment folder that
// `npm run assignment:start` lays out, when it exists; the reference answer in labs/ otherwise.
// One resolver for the steps, the grade and the report.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { REPO_ROOT } from '../paths.js';

/** The programs a student changes (or runs as they were given). */
export type LabProgram = 'game_api' | 'separate_events' | 'just_filtering' | 'filtered_writes';

/** Where the starting point is kept, and where `assignment:start` copies it. */
export const STARTER_DIR = join(REPO_ROOT, 'starter');
const DEFAULT_ASSIGNMENT_DIR = join(REPO_ROOT, 'assignment');

/** The notebook of the questions, in the starter and the student's folder alike. */
export const ASSIGNMENT_NOTEBOOK = 'querying-purchases.ipynb';
/** The student's Apache Bench runs, one `<host> <path>` a line (step 5 runs them). */
export const BENCH_RUNS_FILE = 'ab-runs.txt';
/** The instructor's rubric: points per check, the questions' queries. */
export const RUBRIC_FILE = 'rubric.json';
/** The worked answer, kept beside the starting point it patches; never copied into a student's folder. */
export const ANSWER_PATCH_FILE = 'answer.patch';

/**
 * The student's folder: `assignment/` at the project's root, or $LAB_ASSIGNMENT_DIR (tests lay one out
 * under another name). It must sit directly under the project's root: its programs import `../lib/…`.
 */
export function assignmentDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAB_ASSIGNMENT_DIR ? resolve(REPO_ROOT, env.LAB_ASSIGNMENT_DIR) : DEFAULT_ASSIGNMENT_DIR;
}

/** The student's folder when it exists: the walkthrough then runs their programs. */
export function activeAssignment(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = assignmentDir(env);
  return existsSync(join(dir, 'game_api.ts')) ? dir : undefined;
}

/** A program's path as a student types it, from the project's root: `assignment/game_api.ts` or `labs/game_api.ts`. */
export function labProgram(name: LabProgram, env: NodeJS.ProcessEnv = process.env): string {
  const dir = activeAssignment(env);
  return dir ? relative(REPO_ROOT, join(dir, `${name}.ts`)) : `labs/${name}.ts`;
}

/** The notebook step 10 runs: the student's questions, or the reference notebook. */
export function labNotebook(env: NodeJS.ProcessEnv = process.env): string {
  const dir = activeAssignment(env);
  return dir
    ? relative(REPO_ROOT, join(dir, ASSIGNMENT_NOTEBOOK))
    : join('notebooks', 'querying-purchases.ipynb');
}
