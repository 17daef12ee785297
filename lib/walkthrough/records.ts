// What a run of the walkthrough leaves in report/run: one record per step (the commands it ran and
// what they printed, for the report), the batch jobs' summaries (data, for the grade), and the logs of
// the programs it runs in the background (the Flask window, the kafkacat window).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../config.js';
import type { JobSummary } from '../jobs/summary.js';
import { REPO_ROOT } from '../paths.js';
import { logFile } from '../process/background.js';

export const REPORT_DIR = join(REPO_ROOT, 'report');
export const RUN_DIR = join(REPORT_DIR, 'run');

export interface CommandRecord {
  /** as a student would type it */
  command: string;
  output: string;
  exitCode: number | null;
}

export interface StepRecord {
  id: number;
  title: string;
  original: string[];
  explanation: string;
  commands: CommandRecord[];
  notes: string[];
  ok: boolean;
  error?: string;
  /** a batch job's step: what ran it (--engine) */
  engine?: Engine;
  finishedAt: string;
  seconds: number;
}

/** The programs the walkthrough leaves running between steps: the game API and the kafkacat window. */
export type BackgroundName = 'game_api' | 'kafka_follower';

export const backgroundProgram = (runDir: string, name: BackgroundName) => ({ name, dir: runDir });

export const stepRecordPath = (runDir: string, id: number) =>
  join(runDir, `step-${String(id).padStart(2, '0')}.json`);

export function writeStepRecord(runDir: string, record: StepRecord): void {
  mkdirSync(runDir, { recursive: true });
  writeFileSync(stepRecordPath(runDir, record.id), `${JSON.stringify(record, null, 2)}\n`);
}

export function readStepRecords(runDir: string): StepRecord[] {
  if (!existsSync(runDir)) return [];
  return readdirSync(runDir)
    .filter((f) => /^step-\d+\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(runDir, f), 'utf8')) as StepRecord);
}

export function readStepRecord(runDir: string, id: number): StepRecord | undefined {
  const path = stepRecordPath(runDir, id);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as StepRecord) : undefined;
}

/** Everything a step's commands printed, together. */
export const stepOutput = (record: StepRecord | undefined) =>
  record?.commands.map((c) => c.output).join('\n') ?? '';

/** What a batch job saved for the grade (lib/jobs/summary.ts), if it ran in this run. */
export function readJobSummary(runDir: string, job: string): JobSummary | undefined {
  const path = join(runDir, `${job}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as JobSummary) : undefined;
}

export function readBackgroundLog(runDir: string, name: BackgroundName): string {
  const path = logFile(backgroundProgram(runDir, name));
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
