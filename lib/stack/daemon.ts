// A JVM daemon of the local stack, run as a background process (lib/process/background.ts) whose
// command line carries `-Dlab.daemon=<name>@<dir>`: what makes a PID ours.
import { spawnSync } from 'node:child_process';
import { PrerequisiteError } from '../errors.js';
import {
  processState,
  removeStalePidFile,
  startBackground,
  stopBackground,
  type BackgroundProcess,
  type ProcessState,
} from '../process/background.js';

export { judgePid, logFile, pidFile, tailLog } from '../process/background.js';
export type DaemonState = ProcessState;

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

export const marker = (spec: DaemonSpec) => `-Dlab.daemon=${spec.name}@${spec.dir}`;

export function asBackgroundProcess(spec: DaemonSpec): BackgroundProcess {
  return {
    name: spec.name,
    dir: spec.dir,
    marker: marker(spec),
    command: [
      'java',
      marker(spec),
      ...spec.jvmOptions,
      '-cp',
      spec.classpath.join(':'),
      spec.mainClass,
      ...spec.args,
    ],
  };
}

export const daemonState = (spec: DaemonSpec) => processState(asBackgroundProcess(spec));
export const startDaemon = (spec: DaemonSpec) => startBackground(asBackgroundProcess(spec));
export const stopDaemon = (spec: DaemonSpec, graceMs?: number) =>
  stopBackground(asBackgroundProcess(spec), graceMs);
export const removeStaleDaemonPidFile = (spec: DaemonSpec) => removeStalePidFile(asBackgroundProcess(spec));

/** Runs a one-off Java tool of the service (storage format, FsShell) and returns its output; throws on failure. */
export function runJavaTool(spec: DaemonSpec, mainClass: string, args: string[]): string {
  const result = spawnSync(
    'java',
    [...spec.jvmOptions, '-cp', spec.classpath.join(':'), mainClass, ...args],
    {
      encoding: 'utf8',
    },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error)
    throw new PrerequisiteError(`could not run java: ${result.error.message}`, 'install a JDK 17+');
  if (result.status !== 0) {
    throw new PrerequisiteError(
      `${mainClass} ${args.join(' ')} failed (exit ${result.status}):\n${output.trim()}`,
    );
  }
  return output;
}
