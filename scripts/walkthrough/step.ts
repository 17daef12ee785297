// One step of the walkthrough: the original command it stands for, what it runs, its record.
// Each scripts/steps/NN-*.ts file defines one and runs it when called directly (`npm run lab:step-N`).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeError } from '../../lib/errors.js';
import { labContext, type LabContext } from './context.js';
import { StepShell, type CommandRecord } from './shell.js';
import { labTarget, type LabTarget } from './target.js';
import { hasKcat } from './tools.js';

export interface Step {
  id: number;
  title: string;
  /** the original lab's commands, as the walkthrough typed them */
  original: string[];
  /** a few sentences for the report: what the step does and why */
  explanation: string;
  /** what must be true first; a message naming the step to run when it is not */
  prerequisite?(lab: StepEnvironment): Promise<string | undefined>;
  run(shell: StepShell, lab: StepEnvironment): Promise<void>;
}

export interface StepEnvironment extends LabContext {
  target: LabTarget;
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
  finishedAt: string;
  seconds: number;
}

export const TOTAL_STEPS = 11;
export const stepRecordPath = (runDir: string, id: number) =>
  join(runDir, `step-${String(id).padStart(2, '0')}.json`);

export function stepEnvironment(context: LabContext = labContext()): StepEnvironment {
  return { ...context, target: labTarget(context.config, context.runDir, hasKcat()) };
}

/** Prints the step's header and original command, checks its prerequisite, runs it, writes its record. */
export async function runStep(step: Step, env: StepEnvironment): Promise<StepRecord> {
  console.log(`\n━━ Step ${step.id}/${TOTAL_STEPS}: ${step.title} ━━`);
  for (const original of step.original) console.log(`original: ${original}`);
  const shell = new StepShell(env.dryRun);
  const started = Date.now();
  let error: string | undefined;
  try {
    const missing = env.dryRun ? undefined : await step.prerequisite?.(env);
    if (missing) throw new Error(missing);
    await step.run(shell, env);
  } catch (err) {
    error = describeError(err);
  }
  const record: StepRecord = {
    id: step.id,
    title: step.title,
    original: step.original,
    explanation: step.explanation,
    commands: shell.commands,
    notes: shell.notes,
    ok: error === undefined,
    error,
    finishedAt: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
  };
  if (!env.dryRun) writeFileSync(stepRecordPath(env.runDir, step.id), JSON.stringify(record, null, 2));
  if (env.dryRun) console.log(`· step ${step.id}: dry run, nothing executed`);
  else if (record.ok) console.log(`✔ step ${step.id} done (${record.seconds.toFixed(1)} s)`);
  else console.log(`✘ step ${step.id} failed: ${error}`);
  return record;
}

/** `npm run lab:step-N`: run this step alone when its file is the program being run. */
export function runWhenMain(step: Step, moduleUrl: string): void {
  if (process.argv[1] === undefined || pathToFileURL(process.argv[1]).href !== moduleUrl) return;
  runStep(step, stepEnvironment()).then(
    (record) => process.exit(record.ok ? 0 : 1),
    (err) => {
      console.error(describeError(err));
      process.exit(1);
    },
  );
}
