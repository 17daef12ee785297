import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HELP, HELP_GROUPS, npmScripts } from './help.js';

describe('npm run help', () => {
  it('has one line for every npm script, and none for a script that is gone', () => {
    assert.deepEqual(
      HELP.map(([script]) => script).sort(),
      npmScripts().sort(),
      'scripts/help.ts and package.json list the same commands',
    );
  });

  it('gives every group a title and at least one line', () => {
    for (const group of HELP_GROUPS) {
      assert.ok(group.title.trim(), 'every group has a title');
      assert.ok(group.commands.length > 0, `group "${group.title}" lists no command`);
    }
  });
});
