import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PARTITION, parsePartitionFolder, partitionFolder } from './partitions.js';

describe('Parquet > partition folders', () => {
  it('names a folder column=value, as Spark partitionBy does', () => {
    assert.equal(partitionFolder('event_type', 'purchase_sword'), 'event_type=purchase_sword');
  });
  it('escapes what a path or a partition spec cannot hold, as Spark does', () => {
    assert.equal(
      partitionFolder('event_type', 'a/b=c d%'),
      'event_type=a%2Fb%3Dc d%25',
      'slash, equals, percent',
    );
    assert.equal(partitionFolder('event_type', 'x\ny'), 'event_type=x%0Ay', 'a control character');
  });
  it('puts null and the empty string in the default partition', () => {
    assert.equal(partitionFolder('event_type', null), `event_type=${DEFAULT_PARTITION}`);
    assert.equal(partitionFolder('event_type', ''), `event_type=${DEFAULT_PARTITION}`);
  });
  it('reads a folder name back to its column and value', () => {
    for (const value of ['purchase_sword', 'a/b=c d%', 'x\ny', null]) {
      assert.deepEqual(
        parsePartitionFolder(partitionFolder('event_type', value)),
        { column: 'event_type', value },
        String(value),
      );
    }
  });
  it('is not fooled by names that are not partitions', () => {
    assert.equal(parsePartitionFolder('_SUCCESS'), null);
    assert.equal(parsePartitionFolder('=x'), null);
  });
});
