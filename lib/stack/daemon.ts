// A JVM daemon of the local stack: started detached with its output in a log file and its PID in a file,
// recognised by a marker on its command line (so a recycled PID is never mistaken for ours), stopped by PID.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrerequisiteError } from '../errors.js';

export interface DaemonSpec {
  /** kafka, namenode, datanode */
  name: string;
  /** folder of its PID and log files */
  dir: string;
  mainClass: string;
  classpath: string[];
  jvmOptions: string[];
  args: string[];
  ports: { label: string; port: number }[];
}

export type DaemonState =
  | { state: 'running'; pid: number }
  | { state: 'stopped' }
  | { state: 'stale'; pid: number; reason: string };

export const pidFile = (spec: DaemonSpec) => join(spec.dir, `${spec.name}.pid`);
export const logFile = (spec: DaemonSpec) => join(spec.dir, `${spec.name}.log`);
/** A system property that names the daemon and its folder: what makes a PID ours. */
export const marker = (spec: DaemonSpec) => `-Dlab.daemon=${spec.name}@${spec.dir}`;

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
export function judgePid(pid: number | null, commandLine: string | null, expectedMarker: string): DaemonState {
  if (pid === null) return { state: 'stopped' };
  if (commandLine === null) return { state: 'stale', pid, reason: `process ${pid} is gone` };
  if (!commandLine.includes(expectedMarker)) {
    return { state: 'stale', pid, reason: `process ${pid} is something else now` };
  }
  return { state: 'running', pid };
}

export function readPid(spec: DaemonSpec): number | null {
  if (!existsSync(pidFile(spec))) return null;
  const pid = Number.parseInt(readFileSync(pidFile(spec), 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function daemonState(spec: DaemonSpec): DaemonState {
  const pid = readPid(spec);
  return judgePid(pid, pid === null ? null : commandLineOf(pid), marker(spec));
}

export function removeStalePidFile(spec: DaemonSpec): void {
  rmSync(pidFile(spec), { force: true });
}

export function javaCommand(spec: DaemonSpec, args = spec.args, mainClass = spec.mainClass): string[] {
  return [marker(spec), ...spec.jvmOptions, '-cp', spec.classpath.join(':'), mainClass, ...args];
}

/** Runs a one-off Java tool of the service (storage format, FsShell) and returns its output; throws on failure. */
export function runJavaTool(spec: DaemonSpec, mainClass: string, args: string[]): string {
  const result = spawnSync('java', [...spec.jvmOptions, '-cp', spec.classpath.join(':'), mainClass, ...args], {
    encoding: 'utf8',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error) throw new PrerequisiteError(`could not run java: ${result.error.message}`, 'install a JDK 17+');
  if (result.status !== 0) {
    throw new PrerequisiteError(`${mainClass} ${args.join(' ')} failed (exit ${result.status}):\n${output.trim()}`);
  }
  return output;
}

export function startDaemon(spec: DaemonSpec): number {
  mkdirSync(spec.dir, { recursive: true });
  const log = openSync(logFile(spec), 'a');
  try {
    const child = spawn('java', javaCommand(spec), { detached: true, stdio: ['ignore', log, log], cwd: spec.dir });
    if (child.pid === undefined) throw new PrerequisiteError(`could not start ${spec.name}: java did not start`);
    child.unref();
    writeFileSync(pidFile(spec), `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(log);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM (the JVM's graceful shutdown), wait up to `graceMs` for it to exit, then SIGKILL. */
export async function stopDaemon(spec: DaemonSpec, graceMs = 30_000): Promise<'stopped' | 'killed' | 'not running'> {
  const current = daemonState(spec);
  if (current.state !== 'running') {
    removeStalePidFile(spec);
    return 'not running';
  }
  const { pid } = current;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (commandLineOf(pid) === null) {
      removeStalePidFile(spec);
      return 'stopped';
    }
    await sleep(200);
  }
  process.kill(pid, 'SIGKILL');
  while (commandLineOf(pid) !== null) await sleep(100);
  removeStalePidFile(spec);
  return 'killed';
}

/** The last `lines` lines of the daemon's log, for error messages and `stack:logs`. */
export function tailLog(spec: DaemonSpec, lines = 30): string {
  if (!existsSync(logFile(spec))) return `(no log yet at ${logFile(spec)})`;
  const text = readFileSync(logFile(spec), 'utf8').trimEnd().split('\n');
  return text.slice(-lines).join('\n');
}
