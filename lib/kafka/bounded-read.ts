// Spark's batch read of a topic (`startingOffsets=earliest`, `endingOffsets=latest`) on kafkajs, which
// has no such call: the high watermark of every partition is captured first, each partition is read
// from its earliest offset up to that mark, and the read stops there, whatever arrives meanwhile.
// The consumer group is a fresh throwaway one (deleted afterwards), so committed offsets play no part.
// Records are handed over batch by batch and not kept, so memory stays bounded however big the topic.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { missingTopic, topicExistsWith } from './topics.js';

export interface BoundedRecord {
  partition: number;
  offset: string;
  /** The value as a UTF-8 string (Spark's `value.cast('string')`), null for a null value. */
  value: string | null;
  /** Kafka's record timestamp, epoch milliseconds as a string. */
  timestamp: string;
}

export interface PartitionRange {
  partition: number;
  /** First offset to read (the log start). */
  low: bigint;
  /** The high watermark at the start: offsets below it are read. */
  high: bigint;
}

export interface BoundedReadSummary {
  topic: string;
  ranges: PartitionRange[];
  records: number;
}

/** The ranges to read: every partition from its log start to its high watermark now. */
export async function captureRanges(kafka: Kafka, topic: string): Promise<PartitionRange[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (!(await topicExistsWith(admin, topic))) throw missingTopic(topic);
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets
      .map((o) => ({ partition: o.partition, low: BigInt(o.low), high: BigInt(o.high) }))
      .sort((a, b) => a.partition - b.partition);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads `topic` from earliest to the high watermarks captured at the start and calls `onRecords` with
 * each fetched batch (awaited: the next fetch of that partition waits for it). An empty topic returns
 * at once.
 */
export async function readBounded(
  kafka: Kafka,
  topic: string,
  onRecords: (records: BoundedRecord[]) => void | Promise<void>,
  onRanges?: (ranges: PartitionRange[]) => void,
): Promise<BoundedReadSummary> {
  const ranges = await captureRanges(kafka, topic);
  onRanges?.(ranges);
  // The next offset to hand over, per partition still being read. A consumer that kafkajs restarts after a
  // retriable error (e.g. "the coordinator is loading" on a fresh broker) fetches from the start again:
  // what was handed over already is skipped, so nothing is handed over twice.
  const next = new Map(ranges.filter((r) => r.high > r.low).map((r) => [r.partition, r.low]));
  const summary: BoundedReadSummary = { topic, ranges, records: 0 };
  if (next.size === 0) return summary;

  const groupId = `bounded-read-${randomUUID()}`;
  // Fetches of up to 4 MB per partition, 16 MB in all: a bounded buffer whatever the topic's size, and a
  // quarter of the round trips of kafkajs' 1 MB default, which the read waits out one after the other
  // (docs/batch-jobs.md has the figures).
  const consumer = kafka.consumer({
    groupId,
    maxBytesPerPartition: 4 * 1024 * 1024,
    maxBytes: 16 * 1024 * 1024,
  });
  await consumer.connect();
  try {
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) reject(payload.error);
      });
      consumer
        .subscribe({ topic, fromBeginning: true })
        .then(() =>
          consumer.run({
            autoCommit: false,
            eachBatchAutoResolve: true,
            eachBatch: async ({ batch }) => {
              const from = next.get(batch.partition);
              if (from === undefined) return; // finished already; a fetch was in flight
              const high = ranges.find((r) => r.partition === batch.partition)!.high;
              const { messages } = batch;
              // offsets compared one by one only in a batch that crosses `from` or `high` (the first and
              // the last of a partition, or after a restart): BigInt per message costs
              const inside =
                messages.length > 0 &&
                BigInt(messages[0].offset) >= from &&
                BigInt(messages[messages.length - 1].offset) < high;
              const records: BoundedRecord[] = [];
              for (const message of messages) {
                if (!inside) {
                  const offset = BigInt(message.offset);
                  if (offset < from) continue;
                  if (offset >= high) break;
                }
                records.push({
                  partition: batch.partition,
                  offset: message.offset,
                  value: message.value === null ? null : message.value.toString('utf8'),
                  timestamp: message.timestamp,
                });
              }
              summary.records += records.length;
              try {
                if (records.length > 0) await onRecords(records);
              } catch (err) {
                // Not thrown to kafkajs, which would retry the batch and hand the same records over again.
                next.clear();
                reject(err);
                return;
              }
              const done = BigInt(batch.lastOffset()) + 1n;
              if (done > from) next.set(batch.partition, done);
              if (done >= high) {
                next.delete(batch.partition);
                consumer.pause([{ topic, partitions: [batch.partition] }]);
                if (next.size === 0) resolve();
              }
            },
          }),
        )
        .then(() => {
          try {
            for (const [partition, offset] of next) {
              consumer.seek({ topic, partition, offset: offset.toString() });
            }
          } catch {
            // kafkajs is already restarting the consumer (its first join failed: a broker just back up
            // answers "coordinator is loading"), so there is no group to seek in yet ("Consumer group was
            // not initialized"): the restarted consumer fetches from the beginning, and what was handed
            // over already is skipped.
          }
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await deleteGroup(kafka, groupId);
  }
  return summary;
}

/** The throwaway group leaves no trace behind (best effort: a leftover empty group is harmless). */
async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch {
    // the broker expires empty groups on its own
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Thrown into readBounded when the reader of boundedBatches stops early; never reaches the caller. */
class ReadStopped extends Error {}

/**
 * readBounded as an async iterable of batches, for a `for await` loop: the next fetch waits until the
 * loop body has finished with the batch before it, and leaving the loop early ends the read.
 * `onRanges` is told what will be read before the first batch.
 */
export async function* boundedBatches(
  kafka: Kafka,
  topic: string,
  onRanges?: (ranges: PartitionRange[]) => void,
): AsyncGenerator<BoundedRecord[]> {
  let handOver: { records: BoundedRecord[]; taken: () => void } | undefined;
  let wake: (() => void) | undefined;
  let stopped = false;
  let outcome: { error?: unknown } | undefined;
  const reading = readBounded(
    kafka,
    topic,
    (records) =>
      new Promise<void>((taken, refuse) => {
        if (stopped) return refuse(new ReadStopped());
        handOver = { records, taken };
        wake?.();
      }),
    onRanges,
  ).then(
    () => (outcome = {}),
    (error: unknown) => (outcome = { error }),
  );
  void reading.finally(() => wake?.());
  try {
    for (;;) {
      if (handOver) {
        const { records, taken } = handOver;
        handOver = undefined;
        yield records;
        taken();
        continue;
      }
      if (outcome) {
        if (outcome.error !== undefined) throw outcome.error;
        return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    if (!outcome) {
      stopped = true;
      handOver?.taken();
      await reading;
    }
  }
}
