// Lays out the starting point in the student's folder: a copy of starter/, which the student then
// changes and commits. A folder already started is left as it is: the student's work is never replaced.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { STARTER_DIR } from './programs.js';

export type StartResult = { started: true; files: string[] } | { started: false; files: string[] };

export function startAssignment(dir: string, starter = STARTER_DIR): StartResult {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    return { started: false, files: readdirSync(dir).sort() };
  cpSync(starter, dir, { recursive: true });
  return { started: true, files: readdirSync(dir).sort() };
}
