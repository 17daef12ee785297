import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { clearPreviousRun } from './fresh-start.js';

describe('Walkthrough > clearPreviousRun', () => {
  const home = mkdtempSync(join(tmpdir(), 'fresh-start-'));
  after(() => rmSync(home, { recursive: true, force: true }));

  it('starts on a fresh clone, where no run has left records yet', async () => {
    const runDir = join(home, 'never-created');
    const said: string[] = [];
    await clearPreviousRun(runDir, (line) => said.push(line));
    assert.equal(existsSync(runDir), false);
    assert.deepEqual(said, []);
  });

  it("removes an earlier run's step records and executed notebooks, and keeps other files", async () => {
    const runDir = join(home, 'run');
    mkdirSync(runDir);
    for (const file of ['step-1.json', 'step-11.json', 'purchases.ipynb', 'game_api.json', 'notes.txt']) {
      writeFileSync(join(runDir, file), '{}');
    }
    await clearPreviousRun(runDir, () => {});
    assert.deepEqual(readdirSync(runDir), ['notes.txt']);
  });
});
