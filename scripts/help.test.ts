import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HELP, npmScripts } from './help.js';

describe('npm run help', () => {
  it('has one line for every npm script, and none for a script that is gone', () => {
    assert.deepEqual(
      HELP.map(([script]) => script).sort(),
      npmScripts().sort(),
      'scripts/help.ts and package.json list the same commands',
    );
  });
});
