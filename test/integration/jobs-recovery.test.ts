// A filtered_writes run killed between its two renames leaves the previous output in a hidden `.old`
// sibling and no target; the next write puts it back first. On the real HDFS (its renames, its listing).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { recoverInterruptedWrite, siblingPath } from '../../lib/hdfs/atomic-output.js';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';

describe('HDFS > atomic output > recovery on the real HDFS', () => {
  const hdfs = new HdfsClient();
  const dir = `/tmp/test-recovery-${randomBytes(4).toString('hex')}`;
  const target = `${dir}/purchases`;
  after(async () => {
    await hdfs.remove(dir);
  });

  it('restores the previous output byte for byte and removes the half-written directory', async () => {
    const aside = siblingPath(target, 'old', randomUUID());
    const half = siblingPath(target, 'tmp', randomUUID());
    await hdfs.mkdirs(aside);
    await hdfs.writeFile(`${aside}/part-00000-old-c000.snappy.parquet`, 'previous rows');
    await hdfs.writeFile(`${aside}/_SUCCESS`, '');
    await hdfs.mkdirs(half);
    await hdfs.writeFile(`${half}/part-00000-half-c000.snappy.parquet`, 'half');

    const messages = await recoverInterruptedWrite(hdfs, target);

    assert.equal(messages.length, 2, messages.join('\n'));
    assert.deepEqual(
      (await hdfs.list(target)).map((e) => e.pathSuffix),
      ['_SUCCESS', 'part-00000-old-c000.snappy.parquet'],
      'the previous output is back in place',
    );
    assert.equal(
      (await hdfs.readFile(`${target}/part-00000-old-c000.snappy.parquet`)).toString(),
      'previous rows',
    );
    assert.deepEqual(
      (await hdfs.list(dir)).map((e) => e.pathSuffix),
      ['purchases'],
      'no leftovers beside it',
    );
  });
});
