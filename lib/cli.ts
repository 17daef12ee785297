// One way in for every entry point (lab programs, steps, lab, grade, stack, benches, kernel install):
// strict options; `--help` answered with the usage; a user's mistake (an unknown or misspelt option)
// answered with the usage and exit 2 before anything runs; a LabError with its message and hint and
// exit 1; a bug with its stack trace and exit 1.
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { describeError, LabError } from './errors.js';
import { runCleanups } from './process/cleanup.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** for the usage: what the value is, e.g. NAME */
  value?: string;
  /** one line for --help */
  help: string;
  short?: string;
}

export interface CommandSpec {
  /** how it is run: `npx tsx labs/filtered_writes.ts` */
  command: string;
  /** one or two sentences for --help */
  summary: string;
  options?: Record<string, OptionSpec>;
  /** e.g. `up|down|status` for a command that takes words after it; none allowed otherwise */
  positionals?: string;
  /** the command hands all its arguments to another program (e.g. Hadoop's FsShell): only --help is ours */
  passThrough?: boolean;
  /**
   * What SIGINT/SIGTERM do. 'abort' (default): undo what is registered (lib/process/cleanup.ts) and exit
   * 130/143 — a job stopped half way did not finish. 'finish': the program winds down itself (a server
   * answers what it accepted): `stopRequested` resolves, and later signals change nothing (npm and tsx
   * pass the terminal's one Ctrl-C on to the program again).
   */
  onSignal?: 'abort' | 'finish';
}

/** A mistake in how a command was called: the usage is printed and the exit code is 2. */
export class UsageError extends LabError {}

class HelpRequested extends Error {}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandLine {
  values: OptionValues;
  positionals: string[];
}

export interface Invocation extends CommandLine {
  /** resolves on SIGINT/SIGTERM for a command with onSignal 'finish'; never otherwise */
  stopRequested: Promise<NodeJS.Signals>;
}

export function usage(spec: CommandSpec): string {
  const options = Object.entries(spec.options ?? {});
  const synopsis = [
    spec.command,
    ...(spec.positionals ? [spec.positionals] : []),
    ...options.map(([name, o]) => `[--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}]`),
  ].join(' ');
  const rows = options.map(([name, o]) => [
    `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`,
    o.help,
  ]);
  rows.push(['--help', 'print this and exit']);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `usage: ${synopsis}`,
    '',
    spec.summary,
    '',
    'options:',
    ...rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`),
  ].join('\n');
}

/** The options and positionals, strictly: an unknown option or a stray word is a UsageError. */
export function parseCommandLine(spec: CommandSpec, argv: string[]): CommandLine {
  if (spec.passThrough) {
    if (argv.length === 0 || argv[0] === '--help') throw new HelpRequested();
    return { values: {}, positionals: argv };
  }
  if (argv.includes('--help') || argv.includes('-h')) throw new HelpRequested();
  const options = Object.fromEntries(
    Object.entries(spec.options ?? {}).map(([name, o]) => [
      name,
      { type: o.type, ...(o.short ? { short: o.short } : {}) },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options,
      strict: true,
      allowPositionals: spec.positionals !== undefined,
    });
    return { values: values as OptionValues, positionals };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** True when the module at `moduleUrl` is the program Node was asked to run. */
export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return pathToFileURL(realpathSync(entry)).href === moduleUrl;
  } catch {
    return false;
  }
}

/**
 * Runs `main` with the parsed command line when the module is the one being executed (so the module can
 * also be imported by tests and benches), and exits with its code: what it returns, 0 for nothing.
 */
export function runMain(
  moduleUrl: string,
  spec: CommandSpec,
  main: (invocation: Invocation) => Promise<number | void> | number | void,
): void {
  if (!isMain(moduleUrl)) return;
  let settled = false;
  let requestStop: (signal: NodeJS.Signals) => void = () => undefined;
  const stopRequested = new Promise<NodeJS.Signals>((resolve) => (requestStop = resolve));
  const abort = (signal: NodeJS.Signals) => {
    void runCleanups().then((undone) => {
      console.error(
        `${spec.command} stopped by ${signal}${undone > 0 ? ': cleaned up what it had started' : ''}`,
      );
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => (spec.onSignal === 'finish' ? requestStop(signal) : abort(signal)));
  }
  // Node exits with 0 when nothing is left to wait for: a main still pending then is a failure (e.g. a
  // request that never completed), not a success.
  process.once('beforeExit', () => {
    if (settled) return;
    console.error(`${spec.command} stopped before it finished (something it waited for never came)`);
    process.exit(1);
  });
  const finish = (code: number) => {
    settled = true;
    process.exit(code);
  };
  Promise.resolve()
    .then(() => main({ ...parseCommandLine(spec, process.argv.slice(2)), stopRequested }))
    .then(
      (code) => finish(code ?? 0),
      (err: unknown) => {
        if (err instanceof HelpRequested) {
          console.log(usage(spec));
          return finish(0);
        }
        if (err instanceof UsageError) {
          console.error(`${err.message}\n\n${usage(spec)}`);
          return finish(2);
        }
        console.error(describeError(err));
        finish(1);
      },
    );
}
