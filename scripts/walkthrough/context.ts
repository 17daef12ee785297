// What every step of the walkthrough shares: the stack it drives, where its records go, dry-run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type LabConfig } from '../../lib/config.js';
import { REPO_ROOT } from '../../lib/paths.js';

export interface LabContext {
  config: LabConfig;
  dryRun: boolean;
  /** report/run: each step's record, the API's access log, the kcat window, the executed notebook */
  runDir: string;
}

export const RUN_DIR = join(REPO_ROOT, 'report', 'run');

export function labContext(argv: string[] = process.argv.slice(2)): LabContext {
  mkdirSync(RUN_DIR, { recursive: true });
  return { config: loadConfig(), dryRun: argv.includes('--dry-run'), runDir: RUN_DIR };
}
