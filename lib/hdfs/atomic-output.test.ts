import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { siblingPath, writeDirectoryAtomically } from './atomic-output.js';
import type { HdfsClient } from './hdfs-client.js';

/** An in-memory HDFS with the calls the atomic write makes; renames from a `*.tmp` path fail on request. */
function fakeHdfs(paths: string[], failTempRename = false) {
  const files = new Set(paths);
  const under = (dir: string) => [...files].filter((p) => p === dir || p.startsWith(`${dir}/`));
  const fake = {
    files,
    exists: async (p: string) => under(p).length > 0,
    mkdirs: async (p: string) => void files.add(p),
    writeFile: async (p: string) => void files.add(p),
    upload: async (_local: string, p: string) => void files.add(p),
    remove: async (p: string) => under(p).forEach((f) => files.delete(f)),
    rename: async (from: string, to: string) => {
      if (failTempRename && from.endsWith('.tmp')) throw new Error(`rename ${from} refused`);
      for (const f of under(from)) {
        files.delete(f);
        files.add(to + f.slice(from.length));
      }
    },
  };
  return { fake, hdfs: fake as unknown as HdfsClient };
}

const listing = (files: Set<string>) => [...files].sort();

describe('HDFS > atomic output', () => {
  it('names the temporary directory as a hidden sibling of the target', () => {
    assert.equal(siblingPath('/tmp/purchases', 'tmp', 'abc'), '/tmp/.purchases-abc.tmp', 'hidden sibling');
  });

  it('replaces the old directory with the new one and its _SUCCESS', async () => {
    const { fake, hdfs } = fakeHdfs(['/tmp/purchases', '/tmp/purchases/part-old']);
    await writeDirectoryAtomically(hdfs, '/tmp/purchases', (dir) => hdfs.upload('x', `${dir}/part-new`));
    assert.deepEqual(
      listing(fake.files),
      ['/tmp/purchases', '/tmp/purchases/_SUCCESS', '/tmp/purchases/part-new'],
      'new output only',
    );
  });

  it('leaves the old output and removes the temporary directory when filling fails', async () => {
    const { fake, hdfs } = fakeHdfs(['/tmp/purchases', '/tmp/purchases/part-old']);
    await assert.rejects(
      writeDirectoryAtomically(hdfs, '/tmp/purchases', async () => {
        throw new Error('upload broke');
      }),
      /upload broke/,
      'the error comes through',
    );
    assert.deepEqual(
      listing(fake.files),
      ['/tmp/purchases', '/tmp/purchases/part-old'],
      'old output intact, no temp',
    );
  });

  it('puts the old output back when renaming the new one in fails', async () => {
    const { fake, hdfs } = fakeHdfs(['/tmp/purchases', '/tmp/purchases/part-old'], true);
    await assert.rejects(
      writeDirectoryAtomically(hdfs, '/tmp/purchases', async () => undefined),
      /refused/,
      'the error comes through',
    );
    assert.deepEqual(
      listing(fake.files),
      ['/tmp/purchases', '/tmp/purchases/part-old'],
      'old output back in place, nothing else',
    );
  });

  it('creates the output when there was none', async () => {
    const { fake, hdfs } = fakeHdfs([]);
    await writeDirectoryAtomically(hdfs, '/tmp/purchases', async () => undefined);
    assert.ok(fake.files.has('/tmp/purchases/_SUCCESS'), '_SUCCESS in the new output');
  });
});
