// The programs the lab runs (java, mvn, kcat, ab, python3): is one there, and if it must be, what to do.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { PrerequisiteError } from '../errors.js';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Every executable called `name` along PATH, in PATH order. */
export function whichAll(name: string, env: Record<string, string | undefined> = process.env): string[] {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...new Set(dirs.map((dir) => join(dir, name)))].filter(isExecutable);
}

/** True when `command args` starts at all (its exit code does not matter: `kcat -V` exits 0, others 1). */
export function hasTool(command: string, args: string[]): boolean {
  return !spawnSync(command, args, { stdio: 'ignore' }).error;
}

/** The first line of `command versionArgs`, or a PrerequisiteError with `hint` when it does not run. */
export function requireTool(command: string, versionArgs: string[], hint: string): string {
  const result = spawnSync(command, versionArgs, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new PrerequisiteError(
      `${command} is not installed or does not run (${command} ${versionArgs.join(' ')})`,
      hint,
    );
  }
  return `${result.stdout}${result.stderr}`.split('\n')[0].trim();
}
