// The jobs' read of the topic, Spark's
//   spark.read.format("kafka").option("subscribe", topic)
//        .option("startingOffsets", "earliest").option("endingOffsets", "latest").load()
//        .select(value.cast('string'), timestamp.cast('string'))
// as batches of events for a `for await` loop: every partition from its earliest offset to the latest
// one when the read began (lib/kafka/bounded-read.ts), each value parsed (lib/events/event-parser.ts),
// each Kafka timestamp cast to Spark's string. A record that is not an event is counted and listed with its
// partition and offset, never handed over and never fatal.
import type { LabConfig } from '../config.js';
import { loadConfig } from '../config.js';
import { LabError } from '../errors.js';
import { boundedBatches, type PartitionRange } from '../kafka/bounded-read.js';
import { createKafka, describeCluster, isUnreachable, kafkaUnreachable } from '../kafka/client.js';
import { sparkTimestampString, sparkTimeZone } from '../spark/timestamp.js';
import type { GameEvent } from './event.js';
import { EventParser } from './event-parser.js';
import { RejectLog } from './rejects.js';

export type { GameEvent } from './event.js';

/** One fetch's events, all of one partition (a Spark task reads one partition). */
export interface EventBatch {
  partition: number;
  events: KafkaEvent[];
}

export interface KafkaEvent {
  event: GameEvent;
  /** Kafka's record timestamp as Spark casts it to string: `2018-08-02 04:13:14.123` */
  timestamp: string;
  partition: number;
  offset: string;
}

export interface ReadEventsOptions {
  config?: LabConfig['kafka'];
  timeZone?: string;
}

export class EventReader implements AsyncIterable<EventBatch> {
  /** records read (events and rejects) */
  read = 0;
  readonly rejects = new RejectLog();
  /** what the read covers, known once it has begun */
  ranges: PartitionRange[] = [];
  private readonly parser = new EventParser();
  private readonly config: LabConfig['kafka'];
  private readonly timeZone: string;

  constructor(
    readonly topic: string,
    options: ReadEventsOptions = {},
  ) {
    this.config = options.config ?? loadConfig().kafka;
    this.timeZone = options.timeZone ?? sparkTimeZone();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<EventBatch> {
    await describeCluster(this.config); // fails fast with what to do, instead of kafkajs' long retries
    const batches = boundedBatches(createKafka(this.config), this.topic, (ranges) => (this.ranges = ranges));
    try {
      for await (const records of batches) {
        const events: KafkaEvent[] = [];
        for (const record of records) {
          this.read += 1;
          const parsed = this.parser.parse(record.value);
          if (!parsed.ok) {
            this.rejects.add({ partition: record.partition, offset: record.offset, reason: parsed.reason });
            continue;
          }
          const timestamp = sparkTimestampString(Number(record.timestamp), this.timeZone);
          events.push({ event: parsed.event, timestamp, partition: record.partition, offset: record.offset });
        }
        yield { partition: records[0].partition, events };
      }
    } catch (err) {
      if (!(err instanceof LabError) && isUnreachable(err)) throw kafkaUnreachable(this.config.brokers, err);
      throw err;
    }
  }

  /** The records the read kept (events handed over). */
  get events(): number {
    return this.read - this.rejects.count;
  }
}

/** The topic's events, batch by batch, from the earliest offset to the latest one when the read began. */
export function readEvents(topic: string, options?: ReadEventsOptions): EventReader {
  return new EventReader(topic, options);
}
