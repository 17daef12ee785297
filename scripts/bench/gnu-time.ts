// One benchmarked run: a program as a student starts it, under GNU time for its elapsed time and
// maximum RSS (of its largest process: Node, or Spark's JVM).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TimedRun {
  wallMs: number;
  peakRssKb: number;
  /** Date.now() just before the start, to place timestamps the program prints */
  startedAtMs: number;
  stdout: string;
}

export async function timeProcess(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<TimedRun> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-time-'));
  const timeFile = join(dir, 'time');
  try {
    const startedAtMs = Date.now();
    const { stdout } = await run('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, command, ...args], {
      ...options,
      maxBuffer: 64 * 1024 * 1024,
    });
    const [elapsed, maxRss] = (await readFile(timeFile, 'utf8')).trim().split(/\s+/).map(Number);
    return { wallMs: elapsed * 1000, peakRssKb: maxRss, startedAtMs, stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
