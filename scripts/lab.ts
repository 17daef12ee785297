#!/usr/bin/env tsx
// npm run lab [-- --dry-run] [--keep-running]
// The whole walkthrough: step 1, a clean slate, steps 2-10, the grade, the report, then step 11 (tear down)
// unless --keep-running leaves the stack, the API and the follower up for exploring.
import { describeError } from '../lib/errors.js';
import { formatScoreTable, score } from '../lib/walkthrough/grade.js';
import { clearPreviousRun, emptyTopicAndOutput } from './walkthrough/fresh-start.js';
import { gradeRun } from './walkthrough/grading.js';
import { writeReport } from './walkthrough/report.js';
import { runStep, stepEnvironment, TOTAL_STEPS, type StepRecord } from './walkthrough/step.js';
import { STEPS } from './walkthrough/steps.js';

async function main(): Promise<number> {
  const env = stepEnvironment();
  const keepRunning = process.argv.includes('--keep-running');
  const started = Date.now();
  const records: StepRecord[] = [];
  const [first, ...rest] = STEPS;
  const teardown = rest.pop()!;

  const say = (line: string) => console.log(line);
  await clearPreviousRun(env, say);
  records.push(await runStep(first, env));
  if (records[0].ok) {
    await emptyTopicAndOutput(env, say);
    for (const step of rest) {
      const record = await runStep(step, env);
      records.push(record);
      if (!record.ok) {
        console.log(`Stopping the walkthrough at step ${step.id}; fix it and run \`npm run lab\` again.`);
        break;
      }
    }
  }
  if (env.dryRun) {
    await runStep(teardown, env);
    return 0;
  }

  console.log(`\n━━ Grade (${records.filter((r) => r.ok).length}/${TOTAL_STEPS - 1} steps ran) ━━`);
  const checks = await gradeRun(env);
  console.log(formatScoreTable(checks));
  const seconds = (Date.now() - started) / 1000;
  if (keepRunning) {
    console.log(
      '--keep-running: the stack, the game API and the follower stay up (`npm run lab:step-11` stops them).',
    );
  } else {
    await runStep(teardown, env);
  }
  // written after the tear-down so that it has step 11 too; the grade above was taken on the live stack
  console.log(`\nThe write-up of this run: ${writeReport(env, checks, seconds)}`);
  console.log(`\nnpm run lab took ${seconds.toFixed(1)} s (before tear-down).`);
  return score(checks).allPassed && records.every((r) => r.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(describeError(err));
    process.exit(1);
  },
);
