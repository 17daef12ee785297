import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countLogLines, waitForLogLine } from './log-file.js';

const dir = mkdtempSync(join(tmpdir(), 'log-file-test-'));

/** A child whose stdout goes to `file`, running `script` under Node. */
function childWritingTo(file: string, script: string) {
  const out = openSync(file, 'w');
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', out, 'ignore'] });
  closeSync(out);
  return child;
}

describe('Support > log file', () => {
  it('waits for the line a child writes into its log file, and returns the match', async () => {
    const file = join(dir, 'late.log');
    const child = childWritingTo(
      file,
      `console.log('starting'); setTimeout(() => console.log(' * Running on http://127.0.0.1:4321/ (Press CTRL+C)'), 300); setTimeout(() => {}, 5000)`,
    );
    try {
      const match = await waitForLogLine(file, / \* Running on (http:\/\/\S+?)\/ /, {
        label: 'the line',
        child,
        timeoutMs: 10_000,
      });
      assert.equal(match[1], 'http://127.0.0.1:4321');
    } finally {
      child.kill();
    }
  });

  it('gives up at once when the child exits without writing the line, with the end of its log', async () => {
    const file = join(dir, 'exits.log');
    const child = childWritingTo(file, `console.log('no luck'); process.exit(3)`);
    await assert.rejects(
      waitForLogLine(file, /Running on/, { label: 'the line', child, timeoutMs: 10_000 }),
      (err: Error) => err.message.includes('it exited (3)') && err.message.endsWith(`${file}):\nno luck`),
    );
  });

  it('counts the lines that pass a test', () => {
    const file = join(dir, 'count.log');
    writeFileSync(file, 'a 200 -\nb 503 -\nc 200 -\n');
    assert.equal(
      countLogLines(file, (line) => line.endsWith('200 -')),
      2,
    );
  });
});
