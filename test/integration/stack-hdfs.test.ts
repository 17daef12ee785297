// WebHDFS (the `webhdfs` npm package) and Hadoop's own FsShell see the same files on the real local HDFS.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import webhdfs, { type WebHdfsFileStatus } from 'webhdfs';
import { loadConfig } from '../../lib/config.js';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { hadoopFs } from '../../lib/stack/hdfs-daemons.js';
import { stackLayout } from '../../lib/stack/layout.js';

const dir = `/tmp/test-stack-hdfs-${randomBytes(4).toString('hex')}`;
// text FsShell can print back unchanged: non-ASCII UTF-8, a tab, lines
const text = 'épée ⚔ 剣 🗡\tline one\nline two\n';
// every byte value once: what WebHDFS must carry without touching
const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

describe('Stack > HDFS > lib/hdfs-client (webhdfs) and FsShell', () => {
  const hdfs = new HdfsClient();
  const textPath = `${dir}/events.txt`;
  const binaryPath = `${dir}/bytes.bin`;

  before(async () => {
    await hdfs.mkdirs(dir);
  });

  after(async () => {
    await hdfs.remove(dir);
  });

  it('writes files that list with their names and sizes', async () => {
    await hdfs.writeFile(textPath, text);
    await hdfs.writeFile(binaryPath, binary);
    const entries = (await hdfs.list(dir)).map((e) => [e.pathSuffix, e.type, e.length]);
    assert.deepEqual(
      entries,
      [
        ['bytes.bin', 'FILE', 256],
        ['events.txt', 'FILE', Buffer.byteLength(text)],
      ],
      'both files listed, sorted by name, with their byte sizes',
    );
  });

  it('reads back the same bytes', async () => {
    assert.deepEqual(await hdfs.readFile(textPath), Buffer.from(text), 'UTF-8 text round trip');
    assert.deepEqual(await hdfs.readFile(binaryPath), binary, 'binary round trip');
  });

  it('FsShell -ls sees the files WebHDFS wrote, with their sizes', () => {
    const listing = hadoopFs(stackLayout(), ['-ls', dir]);
    assert.match(listing, /^Found 2 items$/m, `FsShell counts two entries:\n${listing}`);
    const rows = listing
      .split('\n')
      .filter((line) => line.startsWith('-'))
      .map((line) => line.trim().split(/\s+/))
      .map((cols) => [cols[4], cols[cols.length - 1]]);
    assert.deepEqual(
      rows,
      [
        ['256', binaryPath],
        [String(Buffer.byteLength(text)), textPath],
      ],
      `size and path columns of:\n${listing}`,
    );
  });

  it('FsShell -cat prints the bytes WebHDFS wrote', () => {
    assert.equal(hadoopFs(stackLayout(), ['-cat', textPath]), text);
  });

  it('handles a path with a space and non-ASCII characters (percent-encoded for WebHDFS)', async () => {
    const odd = `${dir}/épée purchases/part 1.txt`;
    await hdfs.mkdirs(`${dir}/épée purchases`);
    await hdfs.writeFile(odd, text);
    assert.equal((await hdfs.readFile(odd)).toString('utf8'), text, 'reads back what it wrote');
    assert.deepEqual(
      (await hdfs.list(`${dir}/épée purchases`)).map((f) => f.pathSuffix),
      ['part 1.txt'],
    );
    await hdfs.rename(odd, `${dir}/épée purchases/part 2.txt`);
    assert.equal(await hdfs.exists(`${dir}/épée purchases/part 2.txt`), true, 'renamed');
    assert.equal(await hdfs.remove(`${dir}/épée purchases`), true, 'removed');
  });

  it("keeps names that Unicode normalization would change (the NameNode's redirect normalizes them)", async () => {
    // a Kelvin sign, an Ohm sign, e + combining acute: each differs from its NFC form (K, Ω, é)
    const names = ['event_type=\u212a', 'event_type=\u2126', 'event_type=e\u0301', 'event_type=K'];
    for (const [i, name] of names.entries()) await hdfs.writeFile(`${dir}/nfc/${name}/part.txt`, `${i}`);
    await hdfs.upload(import.meta.filename, `${dir}/nfc/${names[0]}/uploaded.ts`);
    assert.deepEqual(
      (await hdfs.list(`${dir}/nfc`)).map((f) => f.pathSuffix).sort(),
      [...names].sort(),
      'four folders, each under its own name',
    );
    for (const [i, name] of names.entries())
      assert.equal((await hdfs.readFile(`${dir}/nfc/${name}/part.txt`)).toString(), `${i}`, name);
    assert.deepEqual(
      (await hdfs.list(`${dir}/nfc/${names[0]}`)).map((f) => f.pathSuffix),
      ['part.txt', 'uploaded.ts'],
    );
    assert.equal(await hdfs.remove(`${dir}/nfc`), true);
  });

  it('removes a file, and stat then finds nothing', async () => {
    assert.equal(await hdfs.remove(binaryPath), true, 'remove says something was there');
    assert.equal(await hdfs.stat(binaryPath), null, 'stat of a removed file is null');
    assert.equal(await hdfs.remove(binaryPath), false, 'a second remove finds nothing');
  });
});

describe('Stack > HDFS > webhdfs.createClient directly', () => {
  const { host, port, user } = loadConfig().hdfs;
  const client = webhdfs.createClient({ host, port, path: '/webhdfs/v1', user });
  const path = `${dir}-direct/plain.txt`;
  const call = <T>(run: (done: (err: Error | null, value?: T) => void) => void) =>
    new Promise<T | undefined>((resolve, reject) =>
      run((err, value) => (err ? reject(err) : resolve(value))),
    );

  after(async () => {
    await call((done) => client.unlink(`${dir}-direct`, true, done));
  });

  it('writes, lists, reads back and deletes a file', async () => {
    await call((done) => client.writeFile(path, text, {}, done));
    const entries = (await call<WebHdfsFileStatus[]>((done) => client.readdir(`${dir}-direct`, done))) ?? [];
    assert.deepEqual(
      entries.map((e) => [e.pathSuffix, e.length]),
      [['plain.txt', Buffer.byteLength(text)]],
      'the one file, with its size',
    );
    const back = await call<Buffer>((done) => client.readFile(path, done));
    assert.equal(back?.toString('utf8'), text, 'same text back');
    await call((done) => client.unlink(path, false, done));
    await assert.rejects(
      call((done) => client.stat(path, done)),
      /does not exist/,
      'stat after delete says the file does not exist',
    );
  });
});
