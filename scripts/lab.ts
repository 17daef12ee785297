// npm run lab [-- --dry-run] [--keep-running] [--cluster] [--engine spark] [--name "Your Name"]
// The whole walkthrough: step 1, a clean slate, steps 2-10, the grade, the report, then step 11 (tear down)
// unless --keep-running leaves the stack, the API and the kcat window up for exploring. --cluster runs it on
// the cluster (docs/cluster.md); --engine spark runs the walkthrough's own PySpark programs in steps 6-8.
// Once the assignment is started (assignment/, docs/assignment.md), it runs the student's programs and
// grades them against the rubric.
import { join, relative } from 'node:path';
import { activeAssignment } from '../lib/assignment/programs.js';
import { runMain } from '../lib/cli.js';
import { REPO_ROOT } from '../lib/paths.js';
import { clearPreviousRun, emptyTopicAndOutput } from '../lib/walkthrough/fresh-start.js';
import { formatScoreTable } from '../lib/walkthrough/grade.js';
import { readBackgroundLog, readStepRecords, REPORT_DIR, RUN_DIR } from '../lib/walkthrough/records.js';
import { EXECUTED_NOTEBOOK } from '../lib/walkthrough/evidence.js';
import { STACK_DESCRIPTIONS } from '../lib/walkthrough/report.js';
import { writeReport } from '../lib/walkthrough/report-file.js';
import { gradeRun, type Grade } from './grade.js';
import { configFromOptions, runStep, stackOptions, TOTAL_STEPS, type StepOptions } from './step.js';
import { STEPS } from './steps/index.js';

/** One event as kcat printed it, preferably a sword purchase (the rows the rest of the lab follows). */
function sampleEvent(runDir: string): string | undefined {
  const lines = readBackgroundLog(runDir, 'kafka_follower')
    .split('\n')
    .filter((l) => l.startsWith('{'));
  return lines.find((l) => l.includes('purchase_sword')) ?? lines[0];
}

/** report/README.md, with the student's explanations from the one it replaces; says what it kept. */
function report(options: StepOptions, grade: Grade, seconds: number, name: string | undefined): string {
  // once the assignment is started, the report is the student's to commit with their programs
  const assignment = activeAssignment();
  const written = writeReport(
    assignment ? join(assignment, 'report') : REPORT_DIR,
    {
      generatedAt: new Date().toISOString(),
      stack: options.config.stack,
      seconds,
      steps: readStepRecords(options.runDir),
      checks: grade.checks,
      gradeSummary: grade.summary,
      additions: grade.additions,
      sampleEvent: sampleEvent(options.runDir),
    },
    join(options.runDir, EXECUTED_NOTEBOOK),
    name,
  );
  const show = (path: string) => relative(REPO_ROOT, path);
  if (written.explanations)
    console.log(`Kept your ${written.explanations} explanation(s) from the last report.`);
  if (written.kept) {
    console.log(
      `${show(written.path)} had edits outside its explanation blocks: the old report is kept as ${show(written.kept)}.`,
    );
  }
  return show(written.path);
}

async function lab(options: StepOptions, keepRunning: boolean, name?: string): Promise<number> {
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
  say(`\nThe write-up of this run: ${report(options, grade, seconds, name)}`);
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
      name: {
        type: 'string',
        value: 'NAME',
        help: "the student's name on the report, kept for later runs (default: `git config user.name`)",
      },
      ...stackOptions(true),
    },
  },
  ({ values }) =>
    lab(
      { config: configFromOptions(values), dryRun: values['dry-run'] === true, runDir: RUN_DIR },
      values['keep-running'] === true,
      typeof values.name === 'string' ? values.name : undefined,
    ),
);
