// A program run in the background: detached, output in a log file, PID in a file, recognised by a marker
// on its command line (so a recycled PID is never mistaken for ours), stopped by PID. Serves the stack's
// JVMs and the walkthrough's game API and kcat follower alike.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrerequisiteError } from '../errors.js';

export interface BackgroundProcess {
  name: string;
  /** folder of its PID and log files, and its working directory unless `cwd` says otherwise */
  dir: string;
  command: string[];
  /** a piece of the command line that only this process has */
  marker: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export type ProcessState =
  { state: 'running'; pid: number } | { state: 'stopped' } | { state: 'stale'; pid: number; reason: string };

export const pidFile = (p: Pick<BackgroundProcess, 'dir' | 'name'>) => join(p.dir, `${p.name}.pid`);
export const logFile = (p: Pick<BackgroundProcess, 'dir' | 'name'>) => join(p.dir, `${p.name}.log`);

/** The command line of a live (not zombie) process, or null. */
function commandLineOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/\)\s+Z\s/.test(stat)) return null;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

/** Pure decision, unit-tested: what a PID file and the process table say together. */
export function judgePid(
  pid: number | null,
  commandLine: string | null,
  expectedMarker: string,
): ProcessState {
  if (pid === null) return { state: 'stopped' };
  if (commandLine === null) return { state: 'stale', pid, reason: `process ${pid} is gone` };
  if (!commandLine.includes(expectedMarker)) {
    return { state: 'stale', pid, reason: `process ${pid} is something else now` };
  }
  return { state: 'running', pid };
}

export function readPid(p: BackgroundProcess): number | null {
  if (!existsSync(pidFile(p))) return null;
  const pid = Number.parseInt(readFileSync(pidFile(p), 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function processState(p: BackgroundProcess): ProcessState {
  const pid = readPid(p);
  return judgePid(pid, pid === null ? null : commandLineOf(pid), p.marker);
}

export function removeStalePidFile(p: BackgroundProcess): void {
  rmSync(pidFile(p), { force: true });
}

/** Starts the process detached (it outlives this script), appending its output to its log file. */
export function startBackground(p: BackgroundProcess): number {
  mkdirSync(p.dir, { recursive: true });
  const log = openSync(logFile(p), 'a');
  try {
    const [program, ...args] = p.command;
    const child = spawn(program, args, {
      detached: true,
      stdio: ['ignore', log, log],
      cwd: p.cwd ?? p.dir,
      env: p.env ?? process.env,
    });
    if (child.pid === undefined)
      throw new PrerequisiteError(`could not start ${p.name}: ${program} did not start`);
    child.unref();
    writeFileSync(pidFile(p), `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(log);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM (a graceful shutdown), wait up to `graceMs` for the exit, then SIGKILL. */
export async function stopBackground(
  p: BackgroundProcess,
  graceMs = 30_000,
): Promise<'stopped' | 'killed' | 'not running'> {
  const current = processState(p);
  if (current.state !== 'running') {
    removeStalePidFile(p);
    return 'not running';
  }
  const { pid } = current;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (commandLineOf(pid) === null) {
      removeStalePidFile(p);
      return 'stopped';
    }
    await sleep(200);
  }
  process.kill(pid, 'SIGKILL');
  while (commandLineOf(pid) !== null) await sleep(100);
  removeStalePidFile(p);
  return 'killed';
}

/** The last `lines` lines of the log, for error messages and `stack:logs`. */
export function tailLog(p: Pick<BackgroundProcess, 'dir' | 'name'>, lines = 30): string {
  if (!existsSync(logFile(p))) return `(no log yet at ${logFile(p)})`;
  const text = readFileSync(logFile(p), 'utf8').trimEnd().split('\n');
  return text.slice(-lines).join('\n');
}
