// `npm run -s <script> [-- args]` in the repository, as a student types it: exit code and all it printed.
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from '../../lib/paths.js';

export function npmRun(...args: string[]): { code: number | null; output: string } {
  const result = spawnSync('npm', ['run', '-s', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The line of `npm run lab:grade`'s table that names the check. */
export const checkLine = (output: string, name: string) =>
  output.split('\n').find((l) => l.includes(name)) ?? '';
