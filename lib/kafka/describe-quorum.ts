// The KRaft controller quorum as Kafka itself describes it (`kafka-metadata-quorum describe --status`):
// its leader and its voters. kafkajs has no DescribeQuorum request, so this module speaks that one
// request of Kafka's protocol (API key 55, version 0, a "flexible" version: compact arrays and strings,
// tagged fields) over a plain socket to a broker, which forwards it to the active controller.
import { connect } from 'node:net';
import { ServiceUnreachableError } from '../errors.js';

export interface QuorumReplica {
  id: number;
  /** the last log end offset the leader knows of, -1 when unknown */
  logEndOffset: bigint;
}

export interface QuorumState {
  /** the active controller, -1 while there is none */
  leaderId: number;
  leaderEpoch: number;
  highWatermark: bigint;
  voters: QuorumReplica[];
  observers: QuorumReplica[];
}

const DESCRIBE_QUORUM = 55;
const METADATA_TOPIC = '__cluster_metadata';

/** An unsigned varint, as Kafka writes lengths and tag counts in flexible versions. */
function uvarint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

const int16 = (value: number) => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};
const NO_TAGS = uvarint(0);

/** The request with its size prefix: header v2 (client id, no tags), then the one partition of the metadata log. */
export function encodeDescribeQuorumRequest(correlationId: number, clientId: string): Buffer {
  const client = Buffer.from(clientId, 'utf8');
  const topic = Buffer.from(METADATA_TOPIC, 'utf8');
  const message = Buffer.concat([
    int16(DESCRIBE_QUORUM),
    int16(0),
    int32(correlationId),
    int16(client.length),
    client,
    NO_TAGS,
    uvarint(1 + 1), // one topic (compact arrays store length + 1)
    uvarint(topic.length + 1),
    topic,
    uvarint(1 + 1), // one partition
    int32(0),
    NO_TAGS,
    NO_TAGS,
    NO_TAGS,
  ]);
  return Buffer.concat([int32(message.length), message]);
}

class Reader {
  private at = 0;
  constructor(private readonly buffer: Buffer) {}
  int16 = () => this.step(2, () => this.buffer.readInt16BE(this.at));
  int32 = () => this.step(4, () => this.buffer.readInt32BE(this.at));
  int64 = () => this.step(8, () => this.buffer.readBigInt64BE(this.at));
  uvarint(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.step(1, () => this.buffer.readUInt8(this.at));
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }
  compactString(): string {
    const length = this.uvarint() - 1;
    return this.step(Math.max(length, 0), () => this.buffer.toString('utf8', this.at, this.at + length));
  }
  compactArray<T>(item: () => T): T[] {
    return Array.from({ length: Math.max(this.uvarint() - 1, 0) }, item);
  }
  skipTags(): void {
    for (let count = this.uvarint(); count > 0; count--) {
      this.uvarint(); // tag
      this.step(this.uvarint(), () => undefined);
    }
  }
  private step<T>(size: number, read: () => T): T {
    if (this.at + size > this.buffer.length) throw new Error('DescribeQuorum response is truncated');
    const value = read();
    this.at += size;
    return value;
  }
}

/** The response after its size prefix: header v1 (correlation id, tags), then the body of version 0. */
export function decodeDescribeQuorumResponse(frame: Buffer, correlationId: number): QuorumState {
  const read = new Reader(frame);
  const answered = read.int32();
  if (answered !== correlationId) {
    throw new Error(`DescribeQuorum answer for request ${answered}, expected ${correlationId}`);
  }
  read.skipTags();
  const error = read.int16();
  if (error !== 0) throw new Error(`DescribeQuorum failed with Kafka error code ${error}`);
  const replica = (): QuorumReplica => {
    const state = { id: read.int32(), logEndOffset: read.int64() };
    read.skipTags();
    return state;
  };
  const topics = read.compactArray(() => {
    const name = read.compactString();
    const partitions = read.compactArray(() => {
      const partition = read.int32();
      const partitionError = read.int16();
      const state: QuorumState = {
        leaderId: read.int32(),
        leaderEpoch: read.int32(),
        highWatermark: read.int64(),
        voters: read.compactArray(replica),
        observers: read.compactArray(replica),
      };
      read.skipTags();
      return { partition, partitionError, state };
    });
    read.skipTags();
    return { name, partitions };
  });
  const answer = topics.find((t) => t.name === METADATA_TOPIC)?.partitions.find((p) => p.partition === 0);
  if (!answer) throw new Error(`DescribeQuorum answered without ${METADATA_TOPIC}-0`);
  if (answer.partitionError !== 0) {
    throw new Error(`DescribeQuorum failed with Kafka error code ${answer.partitionError}`);
  }
  return answer.state;
}

/** Asks `broker` (host:port) for the controller quorum; rejects when it does not answer in time. */
export function describeQuorum(broker: string, timeoutMs = 3000): Promise<QuorumState> {
  const [host, port] = [broker.slice(0, broker.lastIndexOf(':')), Number(broker.split(':').pop())];
  const correlationId = 1;
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let received = Buffer.alloc(0);
    const fail = (why: string) => {
      socket.destroy();
      reject(new ServiceUnreachableError(`Kafka at ${broker} did not describe its quorum (${why})`));
    };
    socket.setTimeout(timeoutMs, () => fail(`no answer within ${timeoutMs} ms`));
    socket.once('error', (err) => fail(err.message));
    socket.once('connect', () =>
      socket.write(encodeDescribeQuorumRequest(correlationId, 'lab-quorum-probe')),
    );
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      socket.destroy();
      try {
        resolve(
          decodeDescribeQuorumResponse(received.subarray(4, 4 + received.readInt32BE(0)), correlationId),
        );
      } catch (err) {
        reject(err);
      }
    });
  });
}
