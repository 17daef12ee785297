// Spark's `.write.mode('overwrite')`, made atomic: the new directory is built under a hidden temporary
// name beside the target, then swapped in with renames (HDFS renames are atomic in the NameNode).
// A reader sees the old complete directory or the new complete one (for the moment between the two
// renames, none), never a half-written one. If anything fails before the swap, the temporary directory
// is removed and the previous output stays as it was.
import { randomUUID } from 'node:crypto';
import { posix } from 'node:path';
import type { HdfsClient } from './hdfs-client.js';

export interface AtomicWriteHooks {
  /** Called after the new directory is complete, before the swap (tests make it throw). */
  beforeSwap?: (tempDir: string) => Promise<void> | void;
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
  const id = randomUUID();
  const temp = siblingPath(target, 'tmp', id);
  await hdfs.mkdirs(temp);
  let result: T;
  try {
    result = await fill(temp);
    await hdfs.writeFile(posix.join(temp, '_SUCCESS'), '');
    await hooks.beforeSwap?.(temp);
    await swapInto(hdfs, temp, target, siblingPath(target, 'old', id));
  } catch (err) {
    await hdfs.remove(temp).catch(() => undefined);
    throw err;
  }
  return result;
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
