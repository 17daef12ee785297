// A program run in the background: detached in a process group of its own, output appended to a log
// file, and remembered in a PID file as its PID *and its start time*. The start time is what a program
// cannot rewrite (kcat edits its own argv while it parses `-X key=value`), and a recycled PID comes with
// a new one, so a PID file names our process or nothing. Stopping signals the whole group, so a program's
// children (npx → node, a shell's commands) go with it. Serves the stack's JVMs and the walkthrough's
// game API and kcat window alike.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrerequisiteError } from '../errors.js';
import { processStartTime } from './process-table.js';

export interface BackgroundProgram {
  name: string;
  /** folder of its PID and log files, and its working directory unless `cwd` says otherwise */
  dir: string;
  command: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** What a PID file holds. */
export interface PidRecord {
  pid: number;
  /** the process's start time as the process table gives it (see processStartTime) */
  started: string;
}

export type ProcessState =
  | { state: 'running'; pid: number }
  | { state: 'stopped' }
  | { state: 'stale'; pid: number | null; reason: string };

export const pidFile = (p: Pick<BackgroundProgram, 'dir' | 'name'>) => join(p.dir, `${p.name}.pid`);
export const logFile = (p: Pick<BackgroundProgram, 'dir' | 'name'>) => join(p.dir, `${p.name}.log`);

/** Pure decision, unit-tested: what a PID file and the process table say together. */
export function judgePid(record: PidRecord | null, startedNow: string | null): ProcessState {
  if (record === null) return { state: 'stopped' };
  const { pid } = record;
  if (startedNow === null) return { state: 'stale', pid, reason: `process ${pid} is gone` };
  if (startedNow !== record.started) {
    return { state: 'stale', pid, reason: `PID ${pid} belongs to another process now` };
  }
  return { state: 'running', pid };
}

/** A PID file's text as a record; null when it is not one this lab wrote (e.g. an older lab's bare PID). */
export function parsePidRecord(text: string): PidRecord | null {
  try {
    const record = JSON.parse(text) as Partial<PidRecord>;
    if (Number.isInteger(record.pid) && typeof record.started === 'string') return record as PidRecord;
  } catch {
    // not JSON
  }
  return null;
}

export function processState(p: Pick<BackgroundProgram, 'dir' | 'name'>): ProcessState {
  if (!existsSync(pidFile(p))) return { state: 'stopped' };
  const record = parsePidRecord(readFileSync(pidFile(p), 'utf8'));
  if (record === null) {
    return { state: 'stale', pid: null, reason: `${pidFile(p)} was not written by this version of the lab` };
  }
  return judgePid(record, processStartTime(record.pid));
}

export function removePidFile(p: Pick<BackgroundProgram, 'dir' | 'name'>): void {
  rmSync(pidFile(p), { force: true });
}

/** Starts the program detached (it outlives this script), appending its output to its log file. */
export function startBackground(p: BackgroundProgram): number {
  const [program, ...args] = p.command;
  const child = launchBackground(p, (options) =>
    spawn(program, args, { ...options, cwd: p.cwd ?? p.dir, env: p.env ?? process.env }),
  );
  return child.pid!;
}

export interface BackgroundSpawnOptions {
  detached: true;
  stdio: ['ignore', number, number];
}

/**
 * How every background program starts, whoever spawns it (here, or zx for a walkthrough step): `spawnIt`
 * gets the options that put the program in a process group of its own with its output appended to
 * its log; its PID and start time go to the PID file, and this script can exit while it runs on.
 */
export function launchBackground(
  p: Pick<BackgroundProgram, 'name' | 'dir'>,
  spawnIt: (options: BackgroundSpawnOptions) => ChildProcess,
): ChildProcess {
  mkdirSync(p.dir, { recursive: true });
  const log = openSync(logFile(p), 'a');
  try {
    const child = spawnIt({ detached: true, stdio: ['ignore', log, log] });
    child.once('error', () => undefined); // a program that cannot start is reported just below
    const started = child.pid === undefined ? null : processStartTime(child.pid);
    if (child.pid === undefined || started === null) {
      throw new PrerequisiteError(`could not start ${p.name}: it exited at once (see ${logFile(p)})`);
    }
    child.unref();
    const record: PidRecord = { pid: child.pid, started };
    writeFileSync(pidFile(p), `${JSON.stringify(record)}\n`);
    return child;
  } finally {
    closeSync(log);
  }
}

/** Signals the process group the program leads (its children too), or the process alone when it has none. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // gone meanwhile
    }
  }
}

/** True while any process of the group is alive (a group ID is not reused while it has members). */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM to the program's group (a graceful shutdown), a wait of up to `graceMs` for the group to be
 * gone, then SIGKILL to what is left of it. Only a process whose start time still matches the PID file is
 * signalled: a PID that now belongs to something else is never touched.
 */
export async function stopBackground(
  p: Pick<BackgroundProgram, 'dir' | 'name'>,
  graceMs = 30_000,
): Promise<'stopped' | 'killed' | 'not running'> {
  const current = processState(p);
  if (current.state !== 'running') {
    removePidFile(p);
    return 'not running';
  }
  const { pid } = current;
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!groupAlive(pid) && processState(p).state !== 'running') {
      removePidFile(p);
      return 'stopped';
    }
    await sleep(100);
  }
  // The group ID is ours for as long as any member lives, so the group can be killed even after the
  // leader itself is gone.
  signalGroup(pid, 'SIGKILL');
  while (groupAlive(pid) || processState(p).state === 'running') await sleep(100);
  removePidFile(p);
  return 'killed';
}

/** The last `lines` lines of the log, for error messages and `stack:logs`. */
export function tailLog(p: Pick<BackgroundProgram, 'dir' | 'name'>, lines = 30): string {
  if (!existsSync(logFile(p))) return `(no log yet at ${logFile(p)})`;
  const text = readFileSync(logFile(p), 'utf8').trimEnd().split('\n');
  return text.slice(-lines).join('\n');
}
