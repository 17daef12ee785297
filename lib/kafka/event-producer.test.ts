import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RecordMetadata } from 'kafkajs';
import { unacknowledgedPartitions } from './event-producer.js';

const answer = (partition: number, errorCode = 0): RecordMetadata => ({
  topicName: 'events',
  partition,
  errorCode,
  baseOffset: '0',
});

describe('Kafka > event-producer > unacknowledgedPartitions', () => {
  const messages = [0, 1, 2, 0].map((partition) => ({ value: 'e', partition }));

  it('is empty when every partition the messages went to is acknowledged', () => {
    assert.deepEqual(unacknowledgedPartitions(messages, [answer(2), answer(0), answer(1)]), []);
  });

  it('names a partition kafkajs left out of its answer (its retry skipped it)', () => {
    assert.deepEqual(unacknowledgedPartitions(messages, [answer(1), answer(2)]), [0]);
  });

  it('does not count an answer with an error code, nor a message without a partition', () => {
    assert.deepEqual(unacknowledgedPartitions(messages, [answer(0), answer(1, 6), answer(2)]), [1]);
    assert.deepEqual(unacknowledgedPartitions([{ value: 'e' }], [answer(0)]), [-1]);
  });
});
