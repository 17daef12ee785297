// Spark's `.write.mode('overwrite')`, made atomic: the new directory is built under a hidden temporary
// name beside the target, then swapped in with renames (HDFS renames are atomic in the NameNode, and
// ours refuse an existing destination instead of nesting into it). A reader sees the old complete
// directory or the new complete one (for the moment between the two renames, none: see
// interruptedSwap), never a half-written one. If anything fails before the swap, or a signal stops the
// program, the temporary directory is removed and the previous output stays as it was. One writer per
// target at a time: a lease (lib/hdfs/lease.ts) makes a second one wait. A run killed outright is mended
// by the next one, under the lease: see recoverInterruptedWrite.
import { randomUUID } from 'node:crypto';
import { posix } from 'node:path';
import { registerCleanup } from '../process/cleanup.js';
import type { HdfsClient } from './hdfs-client.js';
import { acquireLease, type LeaseOptions } from './lease.js';

export interface AtomicWriteHooks {
  /** Called after the new directory is complete, before the swap (tests make it throw). */
  beforeSwap?: (tempDir: string) => Promise<void> | void;
  /** Told what recoverInterruptedWrite mended before this write, and whom this write waits for. */
  onRecovery?: (message: string) => void;
  lease?: LeaseOptions;
}

/** `/tmp/purchases` → `/tmp/.purchases-<uuid>.<suffix>` (hidden from Spark and Hadoop readers by the dot). */
export function siblingPath(target: string, suffix: string, id: string = randomUUID()): string {
  return posix.join(posix.dirname(target), `.${posix.basename(target)}-${id}.${suffix}`);
}

/**
 * Fills a fresh temporary directory with `fill`, adds an empty `_SUCCESS`, and puts it in place of
 * `target` (replacing what was there). Returns what `fill` returned.
 */
export async function writeDirectoryAtomically<T>(
  hdfs: HdfsClient,
  target: string,
  fill: (tempDir: string) => Promise<T>,
  hooks: AtomicWriteHooks = {},
): Promise<T> {
  const lease = await acquireLease(hdfs, target, { onWait: hooks.onRecovery, ...hooks.lease });
  const id = randomUUID();
  const temp = siblingPath(target, 'tmp', id);
  const removeTemp = () => hdfs.remove(temp).then(() => undefined);
  const unregister = registerCleanup(removeTemp);
  try {
    for (const message of await recoverInterruptedWrite(hdfs, target)) hooks.onRecovery?.(message);
    await hdfs.mkdirs(temp);
    const result = await fill(temp);
    await hdfs.writeFile(posix.join(temp, '_SUCCESS'), '');
    await hooks.beforeSwap?.(temp);
    lease.assertHeld();
    await swapInto(hdfs, temp, target, siblingPath(target, 'old', id));
    return result;
  } catch (err) {
    await removeTemp().catch(() => undefined);
    throw err;
  } finally {
    unregister();
    await lease.release();
  }
}

/** Old output aside, new output in, old output gone; puts the old one back if the second rename fails. */
async function swapInto(hdfs: HdfsClient, temp: string, target: string, aside: string): Promise<void> {
  const hadOld = await hdfs.exists(target);
  if (hadOld) await hdfs.rename(target, aside);
  try {
    await hdfs.rename(temp, target);
  } catch (err) {
    if (hadOld) await hdfs.rename(aside, target);
    throw err;
  }
  if (hadOld) await hdfs.remove(aside);
}

/**
 * Why `target` is missing when a write was interrupted between its two renames (the previous output
 * waits in an `.old` sibling), or undefined. Readers say this instead of "does not exist".
 */
export async function interruptedSwap(hdfs: HdfsClient, target: string): Promise<string | undefined> {
  const parent = posix.dirname(target);
  if ((await hdfs.exists(target)) || !(await hdfs.exists(parent))) return undefined;
  const prefix = `.${posix.basename(target)}-`;
  const old = (await hdfs.list(parent)).find(
    (e) => e.pathSuffix.startsWith(prefix) && e.pathSuffix.endsWith('.old'),
  );
  return old
    ? `a write of ${target} was stopped while swapping its output in; the previous output waits in ${posix.join(parent, old.pathSuffix)} and the next write puts it back`
    : undefined;
}

/**
 * What a killed run leaves beside the target: `.tmp` siblings (half-written, never visible to readers)
 * and, if it died between its two renames, an `.old` sibling holding the previous complete output while
 * the target is missing. Puts that previous output back (the newest, if several) and removes the rest;
 * says what it did.
 */
export async function recoverInterruptedWrite(hdfs: HdfsClient, target: string): Promise<string[]> {
  const parent = posix.dirname(target);
  if (!(await hdfs.exists(parent))) return [];
  const prefix = `.${posix.basename(target)}-`;
  const leftovers = (await hdfs.list(parent))
    .filter((e) => e.pathSuffix.startsWith(prefix))
    .filter((e) => /^[0-9a-f-]{36}\.(tmp|old)$/.test(e.pathSuffix.slice(prefix.length)));
  const messages: string[] = [];
  const previous = leftovers
    .filter((e) => e.pathSuffix.endsWith('.old'))
    .sort((a, b) => b.modificationTime - a.modificationTime)[0];
  if (previous && !(await hdfs.exists(target))) {
    await hdfs.rename(posix.join(parent, previous.pathSuffix), target);
    messages.push(
      `restored ${target} from ${previous.pathSuffix}: an earlier run was stopped while swapping its output in`,
    );
  }
  for (const entry of leftovers) {
    if (entry === previous && messages.length > 0) continue;
    await hdfs.remove(posix.join(parent, entry.pathSuffix));
    messages.push(`removed ${posix.join(parent, entry.pathSuffix)}, left by an interrupted run`);
  }
  return messages;
}
