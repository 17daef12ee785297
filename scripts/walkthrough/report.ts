// Writes report/README.md from the records of this run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Check } from '../../lib/walkthrough/grade.js';
import { renderReport } from '../../lib/walkthrough/report.js';
import { readBackgroundLog, readStepRecords } from './records.js';
import type { StepEnvironment } from './step.js';

/** One event as kcat printed it, preferably a sword purchase (the rows the rest of the lab follows). */
function sampleEvent(env: StepEnvironment): string | undefined {
  const lines = readBackgroundLog(env, 'kafka_follower')
    .split('\n')
    .filter((l) => l.startsWith('{'));
  return lines.find((l) => l.includes('purchase_sword')) ?? lines[0];
}

export function writeReport(env: StepEnvironment, checks: Check[], seconds: number): string {
  const path = join(env.runDir, '..', 'README.md');
  const markdown = renderReport({
    generatedAt: new Date().toISOString(),
    stack: env.config.stack,
    seconds,
    steps: readStepRecords(env.runDir),
    checks,
    sampleEvent: sampleEvent(env),
  });
  writeFileSync(path, markdown);
  return path;
}
