import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Partitioners, type Message, type PartitionMetadata } from 'kafkajs';
import { pinnedPartitioner } from './pinned-partitioner.js';

const partitionMetadata: PartitionMetadata[] = [0, 1, 2].map((partitionId) => ({
  partitionId,
  leader: partitionId + 1,
  partitionErrorCode: 0,
  replicas: [1, 2, 3],
  isr: [1, 2, 3],
}));

describe('Kafka > pinnedPartitioner', () => {
  it('spreads messages without a key over the partitions, as kafkajs does', () => {
    const partition = pinnedPartitioner();
    const messages: Message[] = Array.from({ length: 6 }, (_, i) => ({ value: `${i}` }));
    const chosen = messages.map((message) => partition({ topic: 't', partitionMetadata, message }));
    assert.deepEqual(new Set(chosen), new Set([0, 1, 2]), `round robin: ${chosen.join(', ')}`);
  });

  it("is needed: kafkajs' own partitioner moves a message between two passes over a send", () => {
    const partition = Partitioners.DefaultPartitioner();
    const messages: Message[] = Array.from({ length: 5 }, (_, i) => ({ value: `${i}` }));
    const attempt = () => messages.map((message) => partition({ topic: 't', partitionMetadata, message }));
    assert.notDeepEqual(attempt(), attempt());
  });

  it('gives a retried message the partition of its first attempt', () => {
    const partition = pinnedPartitioner();
    const messages: Message[] = Array.from({ length: 5 }, (_, i) => ({ value: `${i}` }));
    const attempt = () => messages.map((message) => partition({ topic: 't', partitionMetadata, message }));
    const first = attempt();
    assert.deepEqual(attempt(), first, 'the retry regroups every message as before');
    assert.deepEqual(
      messages.map((m) => m.partition),
      first,
      'the choice is kept in the message',
    );
  });

  it('keeps a partition the sender chose and hashes a key as kafkajs does', () => {
    const partition = pinnedPartitioner();
    assert.equal(partition({ topic: 't', partitionMetadata, message: { value: 'v', partition: 2 } }), 2);
    const keyed = (key: string) => partition({ topic: 't', partitionMetadata, message: { key, value: 'v' } });
    assert.equal(keyed('user1'), keyed('user1'), 'one key, one partition');
  });
});
