import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDescribeQuorumResponse, encodeDescribeQuorumRequest } from './describe-quorum.js';

const int16 = (v: number) => [(v >> 8) & 0xff, v & 0xff];
const int32 = (v: number) => [...int16(v >> 16), ...int16(v)];
const int64 = (v: number) => [...int32(0), ...int32(v)];
const compactString = (s: string) => [s.length + 1, ...Buffer.from(s)];
const replica = (id: number, offset: number) => [...int32(id), ...int64(offset), 0];

/** A response as Kafka 4.1 writes it for version 0: header (correlation id, no tags), then the body. */
function response({ error = 0, partitionError = 0, leader = 2, tagged = [] as number[] } = {}): Buffer {
  return Buffer.from([
    ...int32(7),
    0,
    ...int16(error),
    2, // one topic
    ...compactString('__cluster_metadata'),
    2, // one partition
    ...int32(0),
    ...int16(partitionError),
    ...int32(leader),
    ...int32(5),
    ...int64(100),
    4, // three voters
    ...replica(1, 100),
    ...replica(2, 100),
    ...replica(3, 99),
    1, // no observers
    ...(tagged.length ? [1, 0, tagged.length, ...tagged] : [0]),
    0,
    0,
  ]);
}

describe('Kafka > describe-quorum > request', () => {
  it('is DescribeQuorum v0 for __cluster_metadata partition 0, size-prefixed', () => {
    const request = encodeDescribeQuorumRequest(7, 'probe');
    const expected = Buffer.from([
      ...int16(55), // api key
      ...int16(0), // version
      ...int32(7), // correlation id
      ...int16(5),
      ...Buffer.from('probe'), // client id: a nullable string, not compact, in header v2
      0, // header tags
      2,
      ...compactString('__cluster_metadata'),
      2,
      ...int32(0),
      0,
      0,
      0,
    ]);
    assert.equal(request.readInt32BE(0), expected.length, 'the size prefix counts what follows');
    assert.deepEqual(request.subarray(4), expected);
  });
});

describe('Kafka > describe-quorum > response', () => {
  it('reads the leader, its epoch, the high watermark and every voter', () => {
    assert.deepEqual(decodeDescribeQuorumResponse(response(), 7), {
      leaderId: 2,
      leaderEpoch: 5,
      highWatermark: 100n,
      voters: [
        { id: 1, logEndOffset: 100n },
        { id: 2, logEndOffset: 100n },
        { id: 3, logEndOffset: 99n },
      ],
      observers: [],
    });
  });

  it('skips tagged fields it does not know', () => {
    assert.equal(decodeDescribeQuorumResponse(response({ tagged: [1, 2, 3] }), 7).leaderId, 2);
  });

  it('says -1 when the quorum has no leader', () => {
    assert.equal(decodeDescribeQuorumResponse(response({ leader: -1 }), 7).leaderId, -1);
  });

  it('rejects an error code, an answer to another request and a truncated answer', () => {
    assert.throws(() => decodeDescribeQuorumResponse(response({ error: 35 }), 7), /error code 35/);
    assert.throws(() => decodeDescribeQuorumResponse(response({ partitionError: 6 }), 7), /error code 6/);
    assert.throws(() => decodeDescribeQuorumResponse(response(), 8), /request 7, expected 8/);
    assert.throws(() => decodeDescribeQuorumResponse(response().subarray(0, 40), 7), /truncated/);
  });
});
