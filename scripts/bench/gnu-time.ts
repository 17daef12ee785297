// One benchmarked run: a program as a student starts it, under GNU time for its elapsed time and
// maximum RSS (of its largest process: Node, or Spark's JVM). Its stderr goes to a file, not into
// memory: Spark logs a warning per Kafka record (hundreds of MB for 1M events).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabError } from '../../lib/errors.js';

export interface TimedRun {
  wallMs: number;
  peakRssKb: number;
  /** Date.now() just before the start, to place timestamps the program prints */
  startedAtMs: number;
  stdout: string;
}

async function lastLines(path: string, count: number): Promise<string> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const length = Math.min(size, 16 * 1024);
    const { buffer } = await file.read(Buffer.alloc(length), 0, length, size - length);
    return buffer.toString('utf8').trim().split('\n').slice(-count).join('\n');
  } finally {
    await file.close();
  }
}

export async function timeProcess(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<TimedRun> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-time-'));
  const timeFile = join(dir, 'time');
  const stderrFile = join(dir, 'stderr');
  const stderr = await open(stderrFile, 'w');
  try {
    const startedAtMs = Date.now();
    const child = spawn('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, command, ...args], {
      ...options,
      stdio: ['ignore', 'pipe', stderr.fd],
    });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    const [code] = (await once(child, 'close')) as [number | null];
    if (code !== 0) {
      throw new LabError(
        `${command} exited with ${code}; the end of its stderr:\n${await lastLines(stderrFile, 15)}`,
        'run the command by hand to see the whole error',
      );
    }
    const [elapsed, maxRss] = (await readFile(timeFile, 'utf8')).trim().split(/\s+/).map(Number);
    return {
      wallMs: elapsed * 1000,
      peakRssKb: maxRss,
      startedAtMs,
      stdout: Buffer.concat(chunks).toString('utf8'),
    };
  } finally {
    await stderr.close();
    await rm(dir, { recursive: true, force: true });
  }
}
