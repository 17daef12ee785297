// The assignment's worked answer: the starting point with starter/answer.patch applied, the walkthrough's
// own answer brought up to the rubric (docs/assignment.md). The patch, not a second copy of the programs,
// is what a reader reviews: it shows exactly what the answer changes.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ANSWER_PATCH_FILE, STARTER_DIR } from './programs.js';
import { startAssignment, type StartResult } from './start.js';

/** The worked answer, as a diff with paths relative to the assignment folder (`a/game_api.ts`). */
export const ANSWER_PATCH = join(STARTER_DIR, ANSWER_PATCH_FILE);

/**
 * Applies the patch inside `dir` with git as a plain patch tool. Inside a repository `git apply` reads
 * the paths from the repository's top and silently skips those outside the directory it runs in, so
 * the ceiling keeps git from finding the project's repository (or one it sits in) above the folder.
 */
export function applyPatch(dir: string, patch: string): void {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CEILING_DIRECTORIES: dirname(dir) };
  delete env.GIT_DIR;
  delete env.GIT_WORK_TREE;
  execFileSync('git', ['apply', patch], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Lays out the starting point in `dir` and applies the worked answer to it. A folder already started is
 * left as it is (startAssignment's rule); a patch that does not apply leaves no half-answered folder.
 */
export function startAnswer(dir: string, patch = ANSWER_PATCH): StartResult {
  const result = startAssignment(dir);
  if (!result.started) return result;
  try {
    applyPatch(dir, patch);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`git apply ${patch} failed on the starting point: ${stderr || (err as Error).message}`);
  }
  return result;
}
