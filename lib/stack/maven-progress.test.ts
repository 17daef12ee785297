import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DownloadTally, parseDownloaded } from './maven-progress.js';

// Maven 3.8's batch-mode lines, the repository's address left out
const downloaded = (path: string, size: string) =>
  `[INFO] Downloaded from central: https://repository.invalid/maven2/${path} (${size} at 1.2 MB/s)`;

describe('Stack > maven-progress > parseDownloaded', () => {
  it('reads the file and its size in Maven units (B, kB, MB: powers of 1000)', () => {
    const jar = 'org/apache/kafka/kafka-clients/4.1.1/kafka-clients-4.1.1.jar';
    assert.deepEqual(parseDownloaded(downloaded(jar, '6.4 MB')), {
      file: 'kafka-clients-4.1.1.jar',
      bytes: 6.4e6,
    });
    assert.deepEqual(parseDownloaded(downloaded('a/b/x.pom', '7.5 kB')), { file: 'x.pom', bytes: 7500 });
    assert.deepEqual(parseDownloaded(downloaded('a/b/y.sha1', '40 B')), { file: 'y.sha1', bytes: 40 });
  });

  it('ignores every other line', () => {
    for (const line of [
      '[INFO] Downloading from central: https://repository.invalid/maven2/a/b/x.jar',
      '[INFO] --- maven-dependency-plugin:3.8.1:copy-dependencies (copy-jars) @ kafka ---',
      '[INFO] BUILD SUCCESS',
    ]) {
      assert.equal(parseDownloaded(line), null, line);
    }
  });
});

describe('Stack > maven-progress > DownloadTally', () => {
  it('gives one line per step of bytes, however many files make it', () => {
    const tally = new DownloadTally(10e6);
    const said = [
      ...Array.from({ length: 30 }, (_, i) => downloaded(`p/f${i}.pom`, '10 kB')),
      downloaded('p/big.jar', '9.8 MB'),
      downloaded('p/next.jar', '1.0 MB'),
      downloaded('p/huge.jar', '25 MB'),
    ].map((line) => tally.add(line));
    assert.deepEqual(
      said.filter(Boolean),
      [
        '  10.1 MB downloaded, 31 files (the latest: big.jar)',
        '  36.1 MB downloaded, 33 files (the latest: huge.jar)',
      ],
      'a line as 10 MB and then 30 MB are passed; none for the small files on the way',
    );
    assert.deepEqual([tally.files, tally.bytes], [33, 36.1e6]);
  });

  it('says Maven is still at work at a tick with no progress line since the last one', () => {
    const tally = new DownloadTally(10e6);
    assert.equal(
      tally.tick(15),
      '  ... Maven is still resolving (15 s): 0.0 MB downloaded, 0 files so far',
      'quiet from the start',
    );
    tally.add(downloaded('p/big.jar', '12 MB'));
    assert.equal(tally.tick(30), undefined, 'a progress line came since the last tick');
    assert.match(tally.tick(45) ?? '', /\(45 s\): 12\.0 MB downloaded, 1 file so far$/, 'quiet again');
  });

  it('sums up, and says so when Maven downloaded nothing', () => {
    const tally = new DownloadTally();
    assert.equal(
      tally.summary(3.2),
      'Maven downloaded nothing: every jar was in its local repository (~/.m2); copied in 3 s',
    );
    tally.add(downloaded('p/x.jar', '2.5 MB'));
    assert.equal(tally.summary(61.6), 'Maven downloaded 2.5 MB in 1 file in 62 s');
  });
});
