// Reading back what the steps of a run left in report/run.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { logFile } from '../../lib/process/background.js';
import type { StepEnvironment, StepRecord } from './step.js';
import { stepRecordPath } from './step.js';

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

/** Everything a step printed, all its commands together. */
export const stepOutput = (record: StepRecord | undefined) =>
  record?.commands.map((c) => c.output).join('\n') ?? '';

export function readBackgroundLog(env: StepEnvironment, name: 'game_api' | 'kafka_follower'): string {
  const path = logFile(env.target.background(name));
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
