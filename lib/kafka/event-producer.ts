// A kafkajs producer that knows whether Kafka is there. It connects in the background (and again after a
// failed send), so the API can start, and keep serving, while Kafka is down: sends then fail at once with
// the reason, and work again by themselves as soon as Kafka is back.
// It is idempotent: a batch that kafkajs retries (a leader died after writing it, before answering) is
// kept once by the broker, so an acknowledged event is in the topic exactly once.
import { logLevel, type Kafka, type Message, type Producer, type RecordMetadata } from 'kafkajs';
import type { LabConfig } from '../config.js';
import { ServiceUnreachableError } from '../errors.js';
import { createKafka } from './client.js';
import { pinnedPartitioner } from './pinned-partitioner.js';

export type ProducerState =
  { kind: 'connecting' } | { kind: 'connected' } | { kind: 'unreachable'; reason: string };

export interface EventProducerOptions {
  /** pause between connection attempts while Kafka is unreachable */
  reconnectIntervalMs?: number;
  /** told about every change of state (the API prints them) */
  onStateChange?: (state: ProducerState) => void;
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The partitions a send's messages went to (pinnedPartitioner writes them into the messages) that its answer
 * does not acknowledge. kafkajs retries a failed part of a send only at brokers that have not answered yet:
 * when a partition's leadership moves to a broker that already answered for its own partitions, that
 * partition's messages are never sent again, and the send succeeds without them (seen on the cluster:
 * events answered 200 missing from the topic after a leader was killed).
 */
export function unacknowledgedPartitions(messages: Message[], written: RecordMetadata[]): number[] {
  const acknowledged = new Set(written.filter((r) => r.errorCode === 0).map((r) => r.partition));
  const sentTo = new Set(messages.map((m) => m.partition ?? -1));
  return [...sentTo].filter((p) => !acknowledged.has(p)).sort((a, b) => a - b);
}

export class EventProducer {
  private readonly kafka: Kafka;
  private producer: Producer;
  private current: ProducerState = { kind: 'connecting' };
  private connecting: Promise<void> | null = null;
  private stopped = false;

  constructor(
    config: LabConfig['kafka'],
    private readonly options: EventProducerOptions = {},
  ) {
    // Few, quick retries: a request should get its 503 in well under a second, not after kafkajs' ~30 s.
    this.kafka = createKafka(config, {
      level: logLevel.NOTHING,
      retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 500 },
    });
    this.producer = this.newProducer();
  }

  /**
   * Idempotence as kafkajs has it: acks=all (send's acks: -1), retries, one request in flight per broker so
   * that sequence numbers arrive in order, and messages that keep their partition when a send is retried.
   */
  private newProducer(): Producer {
    return this.kafka.producer({
      allowAutoTopicCreation: false,
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: pinnedPartitioner,
    });
  }

  get state(): ProducerState {
    return this.current;
  }

  /** Starts connecting; returns at once. */
  start(): void {
    this.connectUntilUp();
  }

  /** Sends one batch to the topic, acknowledged by all in-sync replicas (acks = -1). */
  async send(topic: string, values: string[]): Promise<void> {
    if (this.current.kind !== 'connected') {
      const why = this.current.kind === 'unreachable' ? this.current.reason : 'still connecting';
      throw new ServiceUnreachableError(`Kafka is not reachable (${why})`);
    }
    try {
      const messages: Message[] = values.map((value) => ({ value }));
      const written = await this.producer.send({ topic, acks: -1, messages });
      const skipped = unacknowledgedPartitions(messages, written);
      if (skipped.length > 0) throw new Error(`no acknowledgement for partition ${skipped.join(', ')}`);
    } catch (err) {
      this.setState({ kind: 'unreachable', reason: reasonOf(err) });
      this.connectUntilUp();
      throw new ServiceUnreachableError(`Kafka did not acknowledge (${reasonOf(err)})`);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connecting;
    await this.producer.disconnect().catch(() => undefined);
  }

  private setState(state: ProducerState): void {
    const changed = state.kind !== this.current.kind;
    this.current = state;
    if (changed) this.options.onStateChange?.(state);
  }

  private connectUntilUp(): void {
    if (this.connecting || this.stopped) return;
    const interval = this.options.reconnectIntervalMs ?? 1000;
    this.connecting = (async () => {
      await this.producer.disconnect().catch(() => undefined);
      // A new producer id after a failed send: kafkajs hands the failed batch's sequence numbers to the next
      // one, and a broker that did write the failed batch would take the next for a copy of it, drop it,
      // and acknowledge it all the same.
      this.producer = this.newProducer();
      while (!this.stopped) {
        try {
          await this.producer.connect();
          this.setState({ kind: 'connected' });
          return;
        } catch (err) {
          this.setState({ kind: 'unreachable', reason: reasonOf(err) });
          await new Promise((resolve) => setTimeout(resolve, interval));
        }
      }
    })().finally(() => {
      this.connecting = null;
    });
  }
}
