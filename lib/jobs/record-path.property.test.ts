// The record path of the three jobs as a property (test/support/record-path.ts): a few hundred seeded
// arbitrary records, every one a faithful row in both writers' Parquet and every reader, or a counted
// reject. `npm run test:fuzz -- --runs 100000` runs the same property over as many records as asked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tally } from '../../test/support/hostile-tally.js';
import { checkRecordPath, kcatCommand, recordPathProperty } from '../../test/support/record-path.js';

const SEED = 22;

describe('Jobs > the record path, as a property', () => {
  it('the three records of the issue are rows or counted rejects, and read back as kept', async () => {
    const totals = await checkRecordPath([
      '{"event_type": "purchase_sword", "host": "a"}',
      '{"event_type": "purchase_sword", "Host": "b"}',
      '{"event_type": "purchase_sword", "a\\u0000b": "x"}',
      '{"event_type": "purchase_sword", "v": "\\ud800"}',
      '{"event_type": "purchase_sword", "\\udc00w": "name"}',
    ]);
    assert.equal(totals.rejects, 1, 'the NUL in a name is the one reject');
    assert.ok(totals.values > 0, 'values were read back and compared');
    assert.equal(totals.changed, 0, 'none changed');
  });

  it(`holds for a few hundred seeded records (seed ${SEED})`, async () => {
    const totals = await recordPathProperty({ seed: SEED, records: 300 });
    assert.ok(totals.records >= 300 * 0.5, `records tried: ${totals.records}`);
    assert.ok(totals.rows > 0 && totals.rejects > 0, 'both rows and rejects among them');
    tally('properties: record path', { inputs: totals.records, jobFailures: 0 });
  });

  it('prints a failing batch as a line for kcat -P', () => {
    assert.equal(
      kcatCommand(['{"a":"it\'s"}', '{"b":1}'], 't'),
      `printf '%s\\n' '{"a":"it'\\''s"}' '{"b":1}' | kcat -P -b 127.0.0.1:9092 -t t`,
    );
  });
});
