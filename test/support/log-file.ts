// A server's log written to a file instead of a pipe. Through a pipe, every access-log line wakes the
// reading process (on Linux a Node server's stdout to a pipe is even written synchronously): at
// concurrency 1 that is one more process switching in per request, on the same two cores as the server,
// ab and Kafka. A benchmark reads the file once at the end instead.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { waitFor } from '../../lib/wait-for.js';

/** Waits until `file` has a line matching `pattern`, and returns the match; gives up if `child` exits. */
export function waitForLogLine(
  file: string,
  pattern: RegExp,
  { label, child, timeoutMs }: { label: string; child: ChildProcess; timeoutMs: number },
): Promise<RegExpExecArray> {
  return waitFor(async () => pattern.exec(readFileSync(file, 'utf8')) ?? undefined, {
    label,
    timeoutMs,
    intervalMs: 50,
    giveUpIf: () =>
      child.exitCode !== null || child.signalCode !== null
        ? `it exited (${child.exitCode ?? child.signalCode}); the end of its log (${file}):\n${logTail(file)}`
        : undefined,
  });
}

/** The last lines of a log, for an error message (the log itself may be a temporary file). */
function logTail(file: string, lines = 10): string {
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** How many lines of `file` satisfy `test`. */
export function countLogLines(file: string, test: (line: string) => boolean): number {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => test(line)).length;
}
