// A daemon of a stack: a background program (lib/process/background.ts) that owns some ports. Most are
// JVMs run as `java` with the service's classpath; Spark's are started through its own launcher. Their
// command lines carry `-Dlab.daemon=<name>@<dir>`: not what makes a PID ours (the PID file's start time
// does), but what tells a human reading `ps` which stack a JVM is of.
import { spawnSync } from 'node:child_process';
import { PrerequisiteError } from '../errors.js';
import type { BackgroundProgram } from '../process/background.js';
import { classData } from './class-data.js';

export interface Daemon extends BackgroundProgram {
  /** kafka, namenode, datanode; kafka-1, datanode-2, spark-worker-1 … in the cluster */
  name: string;
  ports: { label: string; port: number }[];
  /** after it exited on SIGTERM (`stack:down`) */
  onStopped?: () => void;
}

export interface JavaDaemon extends Daemon {
  /** what the service's one-off tools (storage format, FsShell) run with too */
  jvm: { classpath: string[]; options: string[]; classDataDir?: string };
}

export interface JavaDaemonSpec {
  name: string;
  /** folder of its PID and log files */
  dir: string;
  mainClass: string;
  classpath: string[];
  jvmOptions: string[];
  args: string[];
  ports: JavaDaemon['ports'];
  /** where its class-data archive lives (lib/stack/class-data.ts); none: no archive */
  classDataDir?: string;
  /** 'quick' (the default): C1 only; 'optimising': C1, then C2 for what stays hot (see below) */
  jit?: 'quick' | 'optimising';
}

/**
 * A lab's JVMs start together on a small machine: the serial collector (no GC threads per core) and, unless
 * told otherwise, only the quick C1 compiler (C2's optimising costs start-up CPU for long-run throughput).
 * The Kafka broker is the exception: every game-API request waits for its acknowledgement, and C2 halves
 * its CPU per produce request once warm, for a little more CPU at start (figures: docs/benchmarks.md).
 */
const jvmStartOptions = (jit: JavaDaemonSpec['jit'] = 'quick') => [
  ...(jit === 'quick' ? ['-XX:TieredStopAtLevel=1'] : []),
  '-XX:+UseSerialGC',
];

export const marker = (spec: Pick<JavaDaemonSpec, 'name' | 'dir'>) => `-Dlab.daemon=${spec.name}@${spec.dir}`;

export function javaDaemon(spec: JavaDaemonSpec): JavaDaemon {
  const classpath = spec.classpath.join(':');
  const options = [...jvmStartOptions(spec.jit), ...spec.jvmOptions];
  const shared = spec.classDataDir
    ? classData(spec.classDataDir, spec, `${spec.name}@${spec.dir}`)
    : undefined;
  return {
    name: spec.name,
    dir: spec.dir,
    command: [
      'java',
      marker(spec),
      ...options,
      ...(shared?.options ?? []),
      '-cp',
      classpath,
      spec.mainClass,
      ...spec.args,
    ],
    ports: spec.ports,
    jvm: { classpath: spec.classpath, options, classDataDir: spec.classDataDir },
    onStopped: shared?.keep,
  };
}

/**
 * Runs a one-off Java tool of the service (storage format, FsShell) and returns its output; throws on
 * failure. `shareClasses`: a tool run again and again (FsShell) starts from a class-data archive too.
 */
export function runJavaTool(
  daemon: JavaDaemon,
  mainClass: string,
  args: string[],
  { shareClasses = false }: { shareClasses?: boolean } = {},
): string {
  const { classpath, options, classDataDir } = daemon.jvm;
  const shared =
    shareClasses && classDataDir
      ? classData(classDataDir, { mainClass, classpath }, `pid-${process.pid}`)
      : undefined;
  const result = spawnSync(
    'java',
    [...options, ...(shared?.options ?? []), '-cp', classpath.join(':'), mainClass, ...args],
    { encoding: 'utf8' },
  );
  if (result.status === 0) shared?.keep();
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
