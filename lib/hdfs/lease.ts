// One writer per output directory at a time. A writer holds a lease: a small file beside the target
// (`/tmp/.purchases.lease`, hidden from Spark and Hadoop readers by the dot) that HDFS lets exactly one
// writer create, renewed while the writer lives and released when it is done. A second writer waits
// (saying for whom) until the lease is released; a writer that died cannot hold it forever: a lease not
// renewed within its time-to-live is taken over.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { posix } from 'node:path';
import { LabError } from '../errors.js';
import { registerCleanup } from '../process/cleanup.js';
import type { HdfsClient } from './hdfs-client.js';

export interface LeaseRecord {
  owner: string;
  host: string;
  pid: number;
  /** epoch milliseconds after which the lease is free for the taking */
  expires: number;
}

export interface LeaseOptions {
  /** how long a lease lasts without renewal */
  ttlMs?: number;
  /** how long to wait for another writer's lease before giving up */
  waitMs?: number;
  /** told once, when this writer has to wait, and for whom */
  onWait?: (message: string) => void;
  now?: () => number;
}

export class LeaseLostError extends LabError {}

/** `/tmp/purchases` → `/tmp/.purchases.lease` */
export const leasePath = (target: string) =>
  posix.join(posix.dirname(target), `.${posix.basename(target)}.lease`);

export class Lease {
  private renewal: NodeJS.Timeout | undefined;
  private lost: string | undefined;
  private readonly unregister: () => void;

  constructor(
    private readonly hdfs: HdfsClient,
    readonly path: string,
    private record: LeaseRecord,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {
    this.renewal = setInterval(() => void this.renew(), Math.max(100, ttlMs / 3));
    this.renewal.unref();
    this.unregister = registerCleanup(() => this.release());
  }

  /** Throws when another writer took the lease over (this one stalled past its time-to-live). */
  assertHeld(): void {
    if (this.lost) throw new LeaseLostError(this.lost, 'nothing was swapped in; run the job again');
  }

  private async renew(): Promise<void> {
    try {
      const current = await readLease(this.hdfs, this.path);
      if (current?.owner !== this.record.owner) {
        this.lost = `the lease on ${this.path} was taken over by ${current ? describeOwner(current) : 'nobody'}`;
        clearInterval(this.renewal);
        return;
      }
      this.record = { ...this.record, expires: this.now() + this.ttlMs };
      await this.hdfs.writeFile(this.path, JSON.stringify(this.record));
    } catch {
      // HDFS hiccup: the next renewal tries again, well before the lease expires
    }
  }

  /** Gives the lease up (only if it is still ours). */
  async release(): Promise<void> {
    clearInterval(this.renewal);
    this.unregister();
    const current = await readLease(this.hdfs, this.path).catch(() => null);
    if (current?.owner === this.record.owner) await this.hdfs.remove(this.path);
  }
}

async function readLease(hdfs: HdfsClient, path: string): Promise<LeaseRecord | null> {
  if (!(await hdfs.exists(path))) return null;
  try {
    return JSON.parse((await hdfs.readFile(path)).toString('utf8')) as LeaseRecord;
  } catch {
    return { owner: 'unreadable', host: '?', pid: 0, expires: 0 };
  }
}

const describeOwner = (r: LeaseRecord) => `process ${r.pid} on ${r.host}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for and takes the lease on `target`. */
export async function acquireLease(
  hdfs: HdfsClient,
  target: string,
  { ttlMs = 30_000, waitMs = 600_000, onWait, now = Date.now }: LeaseOptions = {},
): Promise<Lease> {
  const path = leasePath(target);
  const started = now();
  let told = false;
  await hdfs.mkdirs(posix.dirname(target));
  for (;;) {
    const record: LeaseRecord = {
      owner: `${hostname()}:${process.pid}:${randomUUID()}`,
      host: hostname(),
      pid: process.pid,
      expires: now() + ttlMs,
    };
    if (await hdfs.createExclusive(path, JSON.stringify(record))) {
      return new Lease(hdfs, path, record, ttlMs, now);
    }
    const holder = await readLease(hdfs, path);
    if (holder && holder.expires < now()) {
      await takeOver(hdfs, path, holder);
      continue;
    }
    if (now() - started > waitMs) {
      throw new LabError(
        `${target} is being written by ${holder ? describeOwner(holder) : 'another writer'} (lease ${path})`,
        `wait for it to finish; a writer that died gives the lease up after ${ttlMs / 1000} s`,
      );
    }
    if (!told && holder) {
      told = true;
      onWait?.(`waiting for ${describeOwner(holder)}, which is writing ${target} (lease ${path}) ...`);
    }
    await sleep(250);
  }
}

/**
 * Removes an expired lease, if it is still the one judged expired: it is first renamed to a name of its
 * own (of two writers taking over at once, one rename wins), then checked, and put back if it turns out
 * to be a fresh lease after all.
 */
async function takeOver(hdfs: HdfsClient, path: string, expired: LeaseRecord): Promise<void> {
  const aside = `${path}.stale-${randomUUID()}`;
  try {
    await hdfs.rename(path, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await readLease(hdfs, aside);
  if (moved?.owner === expired.owner) await hdfs.remove(aside);
  else await hdfs.rename(aside, path).catch(() => hdfs.remove(aside));
}
