// labs/game_api.ts as a child process on a free port: what the integration tests and the benchmark drive.
// It is ready when it prints Flask's " * Running on http://…/" line and, unless told not to wait, when its
// /healthz says Kafka is connected (before that every game route answers 503); its access log is kept
// line by line, or written to a file.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from '../../lib/paths.js';
import { WaitTimeoutError } from '../../lib/errors.js';
import { waitFor } from '../../lib/wait-for.js';
import { apiIsHealthy } from '../../lib/api/health.js';
import { waitForLogLine } from './log-file.js';

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** every line it printed on stdout so far: the start-up lines, then the access log (none with logFile) */
  stdout: string[];
  stderr: string[];
  /** SIGTERM, then its exit code */
  stop(): Promise<number | null>;
}

export interface ApiProcessOptions {
  topic: string;
  brokers?: string[];
  /** stdout goes to this file instead (test/support/log-file.ts): a benchmark's 100,000 access-log lines */
  logFile?: string;
  /** false for a test that starts the API while Kafka is away on purpose */
  waitForKafka?: boolean;
}

export async function startApiProcess(
  { topic, brokers, logFile, waitForKafka = true }: ApiProcessOptions,
  timeoutMs = 30_000,
): Promise<ApiProcess> {
  const env = { ...process.env, ...(brokers ? { KAFKA_BROKERS: brokers.join(',') } : {}) };
  const out = logFile ? openSync(logFile, 'w') : 'pipe';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'labs/game_api.ts', '--port', '0', '--topic', topic],
    {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', out, 'pipe'],
    },
  );
  if (typeof out === 'number') closeSync(out); // the child has its own copy
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const url = logFile
    ? waitForLogLine(logFile, RUNNING, { label: 'the game API to start', child, timeoutMs }).then((m) => m[1])
    : runningFromPipe(child, stdout, stderr, timeoutMs);
  const stop = async () => {
    if (child.exitCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const [code] = (await once(child, 'close')) as [number | null];
    return code;
  };
  try {
    const ready = await url;
    if (waitForKafka) {
      await waitFor(() => apiIsHealthy(ready), {
        label: 'the game API to connect to Kafka',
        timeoutMs,
        intervalMs: 100,
      });
    }
    return { url: ready, child, stdout, stderr, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

const RUNNING = / \* Running on (http:\/\/\S+?)\/ /;

/** The URL of the " * Running on …" line on the child's stdout; every stdout line is kept in `stdout`. */
function runningFromPipe(
  child: ChildProcess,
  stdout: string[],
  stderr: string[],
  timeoutMs: number,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new WaitTimeoutError(
            `the game API did not start within ${timeoutMs / 1000} s:\n${stderr.join('\n')}`,
          ),
        ),
      timeoutMs,
    );
    child.once('exit', (code) =>
      reject(new Error(`the game API exited (${code}) before it was ready:\n${stderr.join('\n')}`)),
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const running = RUNNING.exec(line);
      if (running) {
        clearTimeout(timer);
        resolve(running[1]);
      }
      stdout.push(line);
    });
  });
}
