import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recoverInterruptedWrite, siblingPath, writeDirectoryAtomically } from './atomic-output.js';
import type { HdfsClient } from './hdfs-client.js';

/**
 * An in-memory HDFS with the calls the atomic write makes (a unit test of the swap logic; the real HDFS is
 * in test/integration): renames refuse an existing destination, as rename2 does; renames from a `*.tmp`
 * path fail on request.
 */
function fakeHdfs(paths: string[], failTempRename = false) {
  const files = new Set(paths);
  const contents = new Map<string, string>();
  const under = (dir: string) => [...files].filter((p) => p === dir || p.startsWith(`${dir}/`));
  const fake = {
    files,
    readFile: async (p: string) => Buffer.from(contents.get(p) ?? ''),
    createExclusive: async (p: string, data: string) => {
      if (files.has(p)) return false;
      files.add(p);
      contents.set(p, data);
      return true;
    },
    exists: async (p: string) => under(p).length > 0,
    // direct children, oldest first (the order they were added stands for their modification time)
    list: async (dir: string) =>
      [
        ...new Set(
          [...files].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1).split('/')[0]),
        ),
      ].map((pathSuffix) => ({ pathSuffix, modificationTime: [...files].indexOf(`${dir}/${pathSuffix}`) })),
    mkdirs: async (p: string) => void files.add(p),
    writeFile: async (p: string, data = '') => {
      files.add(p);
      contents.set(p, String(data));
    },
    upload: async (_local: string, p: string) => void files.add(p),
    remove: async (p: string) => under(p).forEach((f) => files.delete(f)),
    rename: async (from: string, to: string) => {
      if (failTempRename && from.endsWith('.tmp')) throw new Error(`rename ${from} refused`);
      if (files.has(to)) throw new Error(`rename ${from} → ${to} refused: ${to} exists`);
      for (const f of under(from)) {
        files.delete(f);
        files.add(to + f.slice(from.length));
      }
    },
  };
  return { fake, hdfs: fake as unknown as HdfsClient };
}

const listing = (files: Set<string>) => [...files].filter((f) => f !== '/tmp').sort();

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

describe('HDFS > atomic output > recovering from a killed run', () => {
  const OLD = '/tmp/.purchases-11111111-1111-1111-1111-111111111111.old';
  const NEWER_OLD = '/tmp/.purchases-33333333-3333-3333-3333-333333333333.old';
  const TMP = '/tmp/.purchases-22222222-2222-2222-2222-222222222222.tmp';

  it('puts the previous output back when a run died between its two renames, and removes the half-written one', async () => {
    const { fake, hdfs } = fakeHdfs([OLD, `${OLD}/_SUCCESS`, `${OLD}/part-old`, TMP, `${TMP}/part-half`]);
    const messages = await recoverInterruptedWrite(hdfs, '/tmp/purchases');
    assert.deepEqual(listing(fake.files), [
      '/tmp/purchases',
      '/tmp/purchases/_SUCCESS',
      '/tmp/purchases/part-old',
    ]);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.match(messages[0], /^restored \/tmp\/purchases from \.purchases-1{8}/);
  });

  it('restores the newest previous output when several runs died, and removes the others', async () => {
    const { fake, hdfs } = fakeHdfs([OLD, `${OLD}/part-a`, NEWER_OLD, `${NEWER_OLD}/part-b`]);
    await recoverInterruptedWrite(hdfs, '/tmp/purchases');
    assert.deepEqual(listing(fake.files), ['/tmp/purchases', '/tmp/purchases/part-b']);
  });

  it('only removes leftovers when the output is in place, and leaves other names alone', async () => {
    const others = ['/tmp/purchases2', '/tmp/.purchases-notauuid.tmp'];
    const { fake, hdfs } = fakeHdfs([
      '/tmp/purchases',
      '/tmp/purchases/part-new',
      OLD,
      `${OLD}/part-old`,
      ...others,
    ]);
    await recoverInterruptedWrite(hdfs, '/tmp/purchases');
    assert.deepEqual(listing(fake.files), [
      '/tmp/.purchases-notauuid.tmp',
      '/tmp/purchases',
      '/tmp/purchases/part-new',
      '/tmp/purchases2',
    ]);
  });

  it('says what it mended through the write’s onRecovery hook, then writes as usual', async () => {
    const { fake, hdfs } = fakeHdfs([TMP, `${TMP}/part-half`]);
    const told: string[] = [];
    await writeDirectoryAtomically(hdfs, '/tmp/purchases', async () => undefined, {
      onRecovery: (m) => told.push(m),
    });
    assert.deepEqual(told, [`removed ${TMP}, left by an interrupted run`]);
    assert.deepEqual(listing(fake.files), ['/tmp/purchases', '/tmp/purchases/_SUCCESS']);
  });
});
