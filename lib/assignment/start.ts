// Lays out the starting point in the student's folder: a copy of starter/ (the programs the student
// changes, the notebook of questions, the ab runs, the rubric) and of the two jobs the course hands out
// as the reference answer has them, just_filtering and filtered_writes, from labs/; the worked answer's
// patch stays behind. A folder already started is left as it is: the student's work is never replaced.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { REPO_ROOT } from '../paths.js';
import { ANSWER_PATCH_FILE, STARTER_DIR } from './programs.js';

/** The jobs whose starting point is the reference answer's own file. */
export const JOBS_AS_GIVEN = ['just_filtering.ts', 'filtered_writes.ts'];

export interface StartResult {
  /** false: the folder had files already, and nothing was copied */
  started: boolean;
  files: string[];
}

export function startAssignment(
  dir: string,
  starter = STARTER_DIR,
  labs = join(REPO_ROOT, 'labs'),
): StartResult {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    return { started: false, files: readdirSync(dir).sort() };
  cpSync(starter, dir, { recursive: true, filter: (source) => basename(source) !== ANSWER_PATCH_FILE });
  for (const job of JOBS_AS_GIVEN) cpSync(join(labs, job), join(dir, job));
  return { started: true, files: readdirSync(dir).sort() };
}
