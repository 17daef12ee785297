// A step of the walkthrough is a zx script: its commands are `$` lines in the order they run. The `$` a
// step gets is zx's own, set up with zx's options — a `log` that prints `$ <command>` as a student would
// type it and keeps what the command printed for the report, and, in a dry run (or a test), a `spawn`
// that runs nothing. The commands run where the step runs: on this machine with the local stack, in the
// app container with docker compose (`docker compose exec app npm run lab`), where every service's name
// resolves. `npm run lab:step-N` runs one step; scripts/lab.ts runs them all.
import { spawn as spawnProcess, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { rmSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { ProcessOutput, quote, $ as zx, type Shell } from 'zx';
import { runMain, UsageError, type OptionSpec, type OptionValues } from '../lib/cli.js';
import { loadConfig, type LabConfig } from '../lib/config.js';
import { describeError, PrerequisiteError } from '../lib/errors.js';
import { REPO_ROOT } from '../lib/paths.js';
import { activeAssignment } from '../lib/assignment/programs.js';
import { launchBackground, logFile, processState } from '../lib/process/background.js';
import { hasTool } from '../lib/process/tools.js';
import { useCluster } from '../lib/stack/lab-env.js';
import type { Prerequisite } from '../lib/walkthrough/prerequisites.js';
import {
  backgroundProgram,
  RUN_DIR,
  writeStepRecord,
  type BackgroundName,
  type CommandRecord,
  type StepRecord,
} from '../lib/walkthrough/records.js';

export const TOTAL_STEPS = 11;

/** Marks every process a step starts (and their children), so tests can tell what the lab left running. */
export const STARTED_BY = `game-events-lab:${REPO_ROOT}`;

export interface StepOptions {
  config: LabConfig;
  dryRun: boolean;
  runDir: string;
  /** replaces child_process.spawn for every command: a dry run's no-op, a test's fake */
  spawn?: typeof spawnProcess;
  /** where the step's lines go (the terminal, or a test's buffer) */
  out?: (text: string) => void;
}

export interface BackgroundRun {
  /** the PID the lab recorded (in a dry run, none) */
  pid: number | null;
  started: boolean;
  /** its output so far, in report/run/<name>.log */
  log: string;
}

export interface StepContext extends StepOptions {
  $: Shell;
  /**
   * starts a program in the background unless it runs already: background('game_api')`node --import tsx labs/game_api.ts`;
   * `newLog`: a fresh start begins a new log (a new kcat window) instead of appending
   */
  background(
    name: BackgroundName,
    options?: { newLog?: boolean },
  ): (pieces: TemplateStringsArray, ...args: unknown[]) => BackgroundRun;
  /** LAB_STACK=compose: the services run in their own containers, started and stopped on the host */
  compose: boolean;
  /** the game API's URL */
  apiUrl: string;
  hasKcat: boolean;
  /** a line for the terminal and the report that is not a command's output */
  say(line: string): void;
}

export interface StepMeta {
  id: number;
  title: string;
  /** the original lab's commands, as the walkthrough typed them */
  original: string[];
  /** a few sentences for the report: what the step does and why */
  explanation: string;
  /** what must be true first; a message naming the step to run when it is not */
  needs?: Prerequisite;
  /** the step file's import.meta.url: `npx tsx scripts/steps/NN-….ts` runs it */
  file: string;
  /** a batch job: `--engine spark` runs the walkthrough's PySpark program instead of the lab's */
  job?: boolean;
}

export interface Step extends StepMeta {
  run(ctx: StepContext): Promise<void>;
}

/** A child process that has already run: printed `stdout`, exited with `exitCode` (a dry run: nothing, 0). */
export function finishedChild(stdout = '', exitCode = 0): ChildProcess {
  const child = new EventEmitter() as ChildProcess;
  const out = Readable.from(stdout ? [Buffer.from(stdout)] : []);
  Object.assign(child, { stdout: out, stderr: Readable.from([]), stdin: null, pid: undefined });
  out.once('end', () => {
    child.emit('exit', exitCode, null);
    child.emit('close', exitCode, null);
  });
  return child;
}

const dryRunSpawn = (() => finishedChild()) as unknown as typeof spawnProcess;

interface Recorder {
  commands: CommandRecord[];
  notes: string[];
  out: (text: string) => void;
}

/**
 * zx's quoting, except that an argument with spaces and nothing a shell would expand is written in
 * double quotes, as the walkthrough wrote it: `-H "Host: user1.comcast.com"`, not `$'Host: …'`.
 */
export function studentQuote(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  if (!/[$`"\\!\n]/.test(arg)) return `"${arg}"`;
  return quote(arg);
}

/**
 * zx's `$`: prints `$ command` and the command's output as it comes, and records both. `background`: the
 * command is a background program's, shown with what a student would type after it (`>> log 2>&1 &`).
 */
function recordingShell(ctx: StepOptions, recorder: Recorder, background?: { suffix: string }): Shell {
  const running = new Map<string, CommandRecord>();
  return zx({
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      // bin/hadoop, for `hadoop fs …` as the original typed it. The programs run as `node --import tsx
      // labs/…`: tsx as Node's loader, one process (the tsx command would start a second Node for each)
      PATH: [join(REPO_ROOT, 'bin'), process.env.PATH ?? ''].join(delimiter),
      LAB_RESULTS_DIR: ctx.runDir,
      LAB_STARTED_BY: STARTED_BY,
    },
    quote: studentQuote,
    // a background program's shell execs it (no `set …;` before it), so it leads its process group itself
    prefix: background ? '' : 'set -euo pipefail; ',
    spawn: ctx.spawn ?? (ctx.dryRun ? dryRunSpawn : spawnProcess),
    quiet: true,
    log: (entry) => {
      if (entry.kind === 'cmd') {
        const command = `${entry.cmd}${background?.suffix ?? ''}`;
        const record: CommandRecord = { command, output: '', exitCode: null };
        running.set(entry.id, record);
        recorder.commands.push(record);
        recorder.out(`$ ${record.command}\n`);
        if (ctx.dryRun) record.output = '(dry run: not executed)';
      } else if (entry.kind === 'stdout' || entry.kind === 'stderr') {
        const record = running.get(entry.id);
        const text = entry.data.toString();
        if (record) record.output += text;
        recorder.out(text);
      } else if (entry.kind === 'end') {
        const record = running.get(entry.id);
        if (record) {
          record.exitCode = entry.exitCode;
          record.output = record.output.trimEnd();
        }
        running.delete(entry.id);
      }
    },
  }) as Shell;
}

function context(options: StepOptions, recorder: Recorder): StepContext {
  const { config } = options;
  const host = config.api.host === '0.0.0.0' ? '127.0.0.1' : config.api.host;
  return {
    ...options,
    $: recordingShell(options, recorder),
    compose: config.stack === 'compose',
    apiUrl: `http://${host}:${config.api.port}`,
    hasKcat: hasTool('kcat', ['-V']),
    say: (line) => {
      recorder.out(`${line}\n`);
      recorder.notes.push(line);
    },
    background:
      (name, { newLog = false } = {}) =>
      (pieces, ...args) => {
        const program = backgroundProgram(options.runDir, name);
        const output = relative(REPO_ROOT, logFile(program));
        const state = processState(program);
        if (state.state === 'running') {
          const line = `${name} is already running (pid ${state.pid}); its output: ${output}`;
          recorder.notes.push(line);
          recorder.out(`${line}\n`);
          return { pid: state.pid, started: false, log: output };
        }
        if (newLog && !options.dryRun) rmSync(logFile(program), { force: true });
        let pid: number | null = null;
        const spawn = ((command: string, argv: readonly string[], spawnOptions: SpawnOptions) => {
          if (options.dryRun) return finishedChild();
          const child = launchBackground(program, (detached) =>
            (options.spawn ?? spawnProcess)(command, argv, { ...spawnOptions, ...detached }),
          );
          pid = child.pid ?? null;
          return child;
        }) as unknown as typeof spawnProcess;
        const shell = recordingShell({ ...options, spawn }, recorder, { suffix: ` >> ${output} 2>&1 &` });
        // a background program is never awaited: it answers for itself through its log and its PID
        void shell({ nothrow: true })(pieces, ...args);
        if (pid !== null) {
          const line = `Started ${name} in the background (pid ${pid}); its output: ${output}`;
          recorder.notes.push(line);
          recorder.out(`${line}\n`);
        }
        return { pid, started: true, log: output };
      },
  };
}

/** The options that say where the lab runs: `npm run lab` and every step take --cluster, the jobs --engine. */
export function stackOptions(jobs: boolean): Record<string, OptionSpec> {
  return {
    cluster: {
      type: 'boolean',
      help: 'on the cluster (`npm run stack:up -- --cluster`): 3 Kafka nodes, 3 DataNodes, Spark; docs/cluster.md',
    },
    ...(jobs && {
      engine: {
        type: 'string',
        value: 'typescript|spark',
        help: "the batch jobs (steps 6-8): the lab's programs (default) or the walkthrough's PySpark ones, with spark-submit",
      },
    }),
  };
}

/** The configuration the options ask for; the environment carries it to every program a step starts. */
export function configFromOptions(values: OptionValues): LabConfig {
  if (values.cluster === true) useCluster();
  if (values.engine !== undefined) {
    if (values.engine !== 'typescript' && values.engine !== 'spark') {
      throw new UsageError(`--engine ${String(values.engine)}: use typescript or spark`);
    }
    process.env.LAB_ENGINE = values.engine;
  }
  const config = loadConfig();
  const assignment = activeAssignment();
  if (assignment && config.engine === 'spark') {
    throw new UsageError(
      `--engine spark runs the walkthrough's PySpark programs, not yours in ${relative(REPO_ROOT, assignment)}/: run without it`,
    );
  }
  if (config.stack === 'compose' && config.engine === 'spark') {
    // the app container has Node, Python and Jupyter, not PySpark
    throw new UsageError(
      '--engine spark runs PySpark on this machine: not in the docker compose app container. Run it on the local stack (`npm run lab -- --engine spark`) or the cluster (`--cluster --engine spark`)',
    );
  }
  return config;
}

export function step(meta: StepMeta, run: (ctx: StepContext) => Promise<void>): Step {
  const defined: Step = { ...meta, run };
  runMain(
    meta.file,
    {
      command: `npm run lab:step-${meta.id} --`,
      summary: `Step ${meta.id} of the walkthrough: ${meta.title}.`,
      options: {
        'dry-run': { type: 'boolean', help: 'print the commands, run none of them' },
        ...stackOptions(meta.job === true),
      },
    },
    async ({ values }) => {
      const record = await runStep(defined, {
        config: configFromOptions(values),
        dryRun: values['dry-run'] === true,
        runDir: RUN_DIR,
      });
      return record.ok ? 0 : 1;
    },
  );
  return defined;
}

/** Prints the step's header and original commands, checks what it needs, runs it, writes its record. */
export async function runStep(step: Step, options: StepOptions): Promise<StepRecord> {
  const out = options.out ?? ((text: string) => void process.stdout.write(text));
  const recorder: Recorder = { commands: [], notes: [], out };
  out(`\n━━ Step ${step.id}/${TOTAL_STEPS}: ${step.title} ━━\n`);
  for (const original of step.original) out(`original: ${original}\n`);
  const ctx = context(options, recorder);
  const started = Date.now();
  let error: string | undefined;
  try {
    const missing = options.dryRun
      ? undefined
      : await step.needs?.({ config: options.config, apiUrl: ctx.apiUrl, runDir: options.runDir });
    if (missing) throw new PrerequisiteError(missing);
    await step.run(ctx);
  } catch (err) {
    error =
      err instanceof ProcessOutput
        ? `\`${recorder.commands.at(-1)?.command}\` exited with ${err.exitCode}`
        : describeError(err);
  }
  const record: StepRecord = {
    id: step.id,
    title: step.title,
    original: step.original,
    explanation: step.explanation,
    commands: recorder.commands,
    notes: recorder.notes,
    ...(step.job && { engine: options.config.engine }),
    ok: error === undefined,
    error,
    finishedAt: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
  };
  if (options.dryRun) out(`· step ${step.id}: dry run, nothing executed\n`);
  else {
    writeStepRecord(options.runDir, record);
    out(
      record.ok
        ? `✔ step ${step.id} done (${record.seconds.toFixed(1)} s)\n`
        : `✘ step ${step.id} failed: ${error}\n`,
    );
  }
  return record;
}
