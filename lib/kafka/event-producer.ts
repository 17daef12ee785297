// A kafkajs producer that knows whether Kafka is there. It connects in the background (and again after a
// failed send), so the API can start, and keep serving, while Kafka is down: sends then fail at once with
// the reason, and work again by themselves as soon as Kafka is back.
// It is idempotent: a batch that kafkajs retries (a leader died after writing it, before answering) is
// kept once by the broker, so an acknowledged event is in the topic exactly once.
import { logLevel, type Admin, type Kafka, type Message, type Producer, type RecordMetadata } from 'kafkajs';
import type { LabConfig } from '../config.js';
import { ServiceUnreachableError } from '../errors.js';
import { createKafka, isUnreachable } from './client.js';
import { pinnedPartitioner } from './pinned-partitioner.js';

export type ProducerState =
  { kind: 'connecting'; reason?: string } | { kind: 'connected' } | { kind: 'unreachable'; reason: string };

export interface EventProducerOptions {
  /** pause between connection attempts while Kafka is unreachable */
  reconnectIntervalMs?: number;
  /** told about every change of state (the API prints them) */
  onStateChange?: (state: ProducerState) => void;
}

export interface ProducerHealth {
  ok: boolean;
  detail: Record<string, string>;
}

const HEALTH_TIMEOUT_MS = 1500;

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

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class EventProducer {
  private readonly kafka: Kafka;
  private producer: Producer;
  private current: ProducerState = { kind: 'connecting' };
  private connecting: Promise<void> | null = null;
  private stopped = false;
  private readonly admin: Admin;
  private adminConnected: Promise<void> | null = null;
  private lastHealth: { at: number; result: ProducerHealth } | null = null;

  constructor(
    config: LabConfig['kafka'],
    private readonly options: EventProducerOptions = {},
  ) {
    // Few, quick retries and a bounded wait per request: a request should get its 503 in seconds, not
    // after kafkajs' 30 s per try; and an accepted request's answer is bounded by the same.
    // (kafkajs warns that limited retries weaken exactly-once across failures: a batch that fails is
    // answered 503, and its events are not promised.)
    const retry = { retries: 2, initialRetryTime: 100, maxRetryTime: 500 };
    this.kafka = createKafka(config, { level: logLevel.NOTHING, retry, requestTimeout: 5000 });
    this.producer = this.newProducer();
    this.admin = createKafka(config, {
      level: logLevel.NOTHING,
      retry: { retries: 0 },
      requestTimeout: HEALTH_TIMEOUT_MS,
    }).admin();
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

  /**
   * Would a send to `topic` succeed now? Connected, and the cluster answers a metadata request for the
   * topic within HEALTH_TIMEOUT_MS (a broker that takes connections but answers nothing fails here).
   * Asked at most once a second; the answer in between is the last one.
   */
  async health(topic: string): Promise<ProducerHealth> {
    if (this.current.kind !== 'connected') {
      const detail: Record<string, string> = { kafka: this.current.kind };
      if (this.current.kind === 'unreachable') detail.reason = this.current.reason;
      return { ok: false, detail };
    }
    if (this.lastHealth && Date.now() - this.lastHealth.at < 1000) return this.lastHealth.result;
    let result: ProducerHealth;
    try {
      this.adminConnected ??= this.admin.connect();
      await this.adminConnected;
      await withTimeout(this.admin.fetchTopicMetadata({ topics: [topic] }), HEALTH_TIMEOUT_MS);
      result = { ok: true, detail: { kafka: 'connected' } };
    } catch (err) {
      this.adminConnected = null;
      result = { ok: false, detail: { kafka: 'not answering', reason: reasonOf(err) } };
    }
    this.lastHealth = { at: Date.now(), result };
    return result;
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
      // Any failed send starts over with a new producer (see connectUntilUp). Only a broker nobody
      // reaches means "Kafka is down"; a refused batch is just reconnecting, for a moment.
      this.setState(
        isUnreachable(err)
          ? { kind: 'unreachable', reason: reasonOf(err) }
          : { kind: 'connecting', reason: reasonOf(err) },
      );
      this.connectUntilUp();
      throw new ServiceUnreachableError(`Kafka did not acknowledge (${reasonOf(err)})`);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connecting;
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
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
