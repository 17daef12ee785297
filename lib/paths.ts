// Where the project is: the folder everything else is found from (the stack's home, the report, the
// notebooks), whatever the directory a command was started in.
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file is lib/paths.ts, or dist/lib/paths.js once compiled for the notebooks.
const above = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = basename(above) === 'dist' ? dirname(above) : above;
