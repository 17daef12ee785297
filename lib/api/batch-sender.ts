// Coalesces concurrent events into one send, and answers each caller only once its batch is acknowledged.
// One batch is in flight at a time; the next one leaves `lingerMs` after the later of its first event and
// the previous acknowledgement, or as soon as it is full. That is the Java producer's linger.ms: under
// load, fewer and bigger produce requests cost Kafka and kafkajs far less CPU per event. Lingering is
// pointless once every possible sender is waiting in the batch (with keep-alive clients, all of them are a
// moment after each acknowledgement): `mostWaiting` says how many there can be, and such a batch leaves.

export type SendBatch = (values: string[]) => Promise<void>;

export interface BatchOptions {
  /** most events in one send */
  maxBatch: number;
  /** most bytes in one send: below the broker's message.max.bytes (1 MiB), with room for the framing */
  maxBatchBytes: number;
  /** how long the first event of a batch waits for company; 0 = until the end of this event-loop turn */
  lingerMs: number;
  /** how many events can be waiting at most (e.g. the open HTTP connections, one request each) */
  mostWaiting?: () => number;
}

export const DEFAULT_BATCH_OPTIONS: BatchOptions = { maxBatch: 500, maxBatchBytes: 512 * 1024, lingerMs: 2 };

interface Pending {
  value: string;
  bytes: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class BatchSender {
  private queue: Pending[] = [];
  private queuedBytes = 0;
  private inFlight: Promise<void> | null = null;
  private cancelWait: (() => void) | null = null;

  constructor(
    private readonly sendBatch: SendBatch,
    private readonly options: BatchOptions = DEFAULT_BATCH_OPTIONS,
  ) {}

  /** Resolves when the batch holding `value` is acknowledged; rejects with the batch's error otherwise. */
  send(value: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const bytes = Buffer.byteLength(value);
      this.queue.push({ value, bytes, resolve, reject });
      this.queuedBytes += bytes;
      this.schedule();
    });
  }

  /** Sends everything queued and waits for the last acknowledgement (for a graceful shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight || this.queue.length > 0) {
      if (!this.inFlight) this.sendNext();
      await this.inFlight;
    }
  }

  private schedule(): void {
    if (this.inFlight) return;
    const enough = Math.min(this.options.maxBatch, this.options.mostWaiting?.() ?? Infinity);
    if (this.queue.length >= enough || this.queuedBytes >= this.options.maxBatchBytes) return this.sendNext();
    if (this.cancelWait) return;
    const go = () => this.sendNext();
    if (this.options.lingerMs === 0) {
      const immediate = setImmediate(go);
      this.cancelWait = () => clearImmediate(immediate);
    } else {
      const timeout = setTimeout(go, this.options.lingerMs);
      this.cancelWait = () => clearTimeout(timeout);
    }
  }

  private sendNext(): void {
    this.cancelWait?.();
    this.cancelWait = null;
    if (this.inFlight) return;
    const batch = this.takeBatch();
    if (batch.length === 0) return;
    this.inFlight = this.sendBatch(batch.map((p) => p.value)).then(
      () => batch.forEach((p) => p.resolve()),
      (err: unknown) => batch.forEach((p) => p.reject(err)),
    );
    void this.inFlight.finally(() => {
      this.inFlight = null;
      if (this.queue.length > 0) this.schedule();
    });
  }

  /** The queue's head, up to maxBatch events and maxBatchBytes bytes (always at least one event). */
  private takeBatch(): Pending[] {
    let count = 0;
    let bytes = 0;
    while (count < this.queue.length && count < this.options.maxBatch) {
      const size = this.queue[count].bytes;
      if (count > 0 && bytes + size > this.options.maxBatchBytes) break;
      bytes += size;
      count += 1;
    }
    this.queuedBytes -= bytes;
    return this.queue.splice(0, count);
  }
}

/** One BatchSender per topic, made on first use: `send(topic, value)` as kafka-python's producer has it. */
export class TopicBatches {
  private readonly senders = new Map<string, BatchSender>();

  constructor(
    private readonly sendBatch: (topic: string, values: string[]) => Promise<void>,
    private readonly options: BatchOptions = DEFAULT_BATCH_OPTIONS,
  ) {}

  send(topic: string, value: string): Promise<void> {
    let sender = this.senders.get(topic);
    if (!sender) {
      sender = new BatchSender((values) => this.sendBatch(topic, values), this.options);
      this.senders.set(topic, sender);
    }
    return sender.send(value);
  }

  /** Sends everything queued for every topic and waits for the acknowledgements. */
  async drain(): Promise<void> {
    await Promise.all([...this.senders.values()].map((sender) => sender.drain()));
  }
}
