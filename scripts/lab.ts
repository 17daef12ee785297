// npm run lab [-- --dry-run] [--keep-running] [--cluster] [--engine spark]
// The whole walkthrough: step 1, a clean slate, steps 2-10, the grade, the report, then step 11 (tear down)
// unless --keep-running leaves the stack, the API and the kcat window up for exploring. --cluster runs it on
// the cluster (docs/cluster.md); --engine spark runs the walkthrough's own PySpark programs in steps 6-8.
// Once the assignment is started (assignment/, docs/assignment.md), it runs the student's programs and
// grades them against the rubric.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { activeAssignment } from '../lib/assignment/programs.js';
import { runMain } from '../lib/cli.js';
import { REPO_ROOT } from '../lib/paths.js';
import { clearPreviousRun, emptyTopicAndOutput } from '../lib/walkthrough/fresh-start.js';
import { formatScoreTable, type Check } from '../lib/walkthrough/grade.js';
import { readBackgroundLog, readStepRecords, REPORT_DIR, RUN_DIR } from '../lib/walkthrough/records.js';
import { renderReport, STACK_DESCRIPTIONS } from '../lib/walkthrough/report.js';
import { gradeRun } from './grade.js';
import { configFromOptions, runStep, stackOptions, TOTAL_STEPS, type StepOptions } from './step.js';
import { STEPS } from './steps/index.js';

/** One event as kcat printed it, preferably a sword purchase (the rows the rest of the lab follows). */
function sampleEvent(runDir: string): string | undefined {
  const lines = readBackgroundLog(runDir, 'kafka_follower')
    .split('\n')
    .filter((l) => l.startsWith('{'));
  return lines.find((l) => l.includes('purchase_sword')) ?? lines[0];
}

function writeReport(options: StepOptions, checks: Check[], seconds: number): string {
  const path = join(REPORT_DIR, 'README.md');
  const markdown = renderReport({
    generatedAt: new Date().toISOString(),
    stack: options.config.stack,
    seconds,
    steps: readStepRecords(options.runDir),
    checks,
    sampleEvent: sampleEvent(options.runDir),
  });
  writeFileSync(path, markdown);
  return path;
}

async function lab(options: StepOptions, keepRunning: boolean): Promise<number> {
  const started = Date.now();
  const [first, ...rest] = STEPS;
  const teardown = rest.pop()!;
  const say = (line: string) => console.log(line);

  say(`Stack: ${STACK_DESCRIPTIONS[options.config.stack]}.`);
  const assignment = activeAssignment();
  say(
    assignment
      ? `Programs: yours, from ${relative(REPO_ROOT, assignment)}/ (the assignment), graded against its rubric.`
      : 'Programs: the reference answer in labs/ (`npm run assignment:start` starts the assignment).',
  );
  say('Starting from a clean slate: no game API or kcat window, no records of an earlier run.');
  if (!options.dryRun) await clearPreviousRun(options.runDir, say);
  const records = [await runStep(first, options)];
  if (records[0].ok) {
    say(
      `The run starts with no topic ${options.config.kafka.topic} and no ${options.config.hdfs.purchasesDir}.`,
    );
    if (!options.dryRun) await emptyTopicAndOutput(options.config, say);
    for (const step of rest) {
      const record = await runStep(step, options);
      records.push(record);
      if (!record.ok) {
        say(`Stopping the walkthrough at step ${step.id}; fix it and run \`npm run lab\` again.`);
        break;
      }
    }
  }
  if (options.dryRun) {
    await runStep(teardown, options);
    return 0;
  }

  say(`\n━━ Grade (${records.filter((r) => r.ok).length}/${TOTAL_STEPS - 1} steps ran) ━━`);
  const grade = await gradeRun(options.config, options.runDir);
  const { checks } = grade;
  say(formatScoreTable(checks));
  if (grade.summary) say(grade.summary);
  const seconds = (Date.now() - started) / 1000;
  if (keepRunning) {
    say(
      `--keep-running: the stack, the game API and the kcat window stay up (\`npm run lab:step-11${options.config.stack === 'cluster' ? ' -- --cluster' : ''}\` stops them).`,
    );
  } else {
    await runStep(teardown, options);
  }
  // written after the tear-down so that it has step 11 too; the grade above was taken on the live stack
  say(`\nThe write-up of this run: ${writeReport(options, checks, seconds)}`);
  say(`\nnpm run lab took ${seconds.toFixed(1)} s (before tear-down).`);
  return grade.passed && records.every((r) => r.ok) ? 0 : 1;
}

runMain(
  import.meta.url,
  {
    command: 'npm run lab --',
    summary:
      'The whole walkthrough on a clean slate: steps 1-10, the grade, the report (report/README.md), then step 11.',
    options: {
      'dry-run': { type: 'boolean', help: 'print every step and its commands, run nothing' },
      'keep-running': {
        type: 'boolean',
        help: 'leave the stack, the game API and the kcat window up afterwards (`npm run lab:step-11` stops them)',
      },
      ...stackOptions(true),
    },
  },
  ({ values }) =>
    lab(
      { config: configFromOptions(values), dryRun: values['dry-run'] === true, runDir: RUN_DIR },
      values['keep-running'] === true,
    ),
);
