import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrerequisiteError } from '../errors.js';
import { ensureJars, jarsAreCurrent, requireJava } from './jars.js';
import { REPO_ROOT } from '../paths.js';
import { stackLayout } from './layout.js';

describe('Stack > jars > missing tools', () => {
  let savedPath: string | undefined;
  let scratch: string;
  beforeEach(() => {
    savedPath = process.env.PATH;
    process.env.PATH = '/nonexistent'; // neither java nor mvn can be found
    scratch = mkdtempSync(join(tmpdir(), 'test-jars-'));
  });
  afterEach(() => {
    process.env.PATH = savedPath;
    rmSync(scratch, { recursive: true, force: true });
  });

  it('says Java is missing and how to install it', () => {
    assert.throws(requireJava, (err: unknown) => {
      assert.ok(err instanceof PrerequisiteError, 'a PrerequisiteError');
      assert.match(err.message, /^java is not installed/);
      assert.match(err.hint ?? '', /Java 17 or newer/);
      return true;
    });
  });

  it('says Maven is missing when the jars still have to be resolved', async () => {
    const layout = {
      ...stackLayout(scratch),
      jars: { kafka: join(scratch, 'jars', 'kafka'), hdfs: join(scratch, 'jars', 'hdfs') },
    };
    await assert.rejects(
      ensureJars(layout, () => undefined),
      (err: unknown) => {
        assert.ok(err instanceof PrerequisiteError, 'a PrerequisiteError');
        assert.match(err.message, /^mvn is not installed/);
        assert.match(err.hint ?? '', /install Maven/);
        return true;
      },
    );
  });
});

describe('Stack > jars > resolving with Maven (a fake mvn on PATH)', () => {
  let savedPath: string | undefined;
  let scratch: string;
  let layout: ReturnType<typeof stackLayout>;
  /** A `mvn` that answers -v, prints `output`, puts three jars where -Dstack.jars says, exits `code`. */
  const fakeMaven = (output: string[], code = 0) => {
    const bin = join(scratch, 'bin');
    mkdirSync(bin, { recursive: true });
    const script = [
      '#!/bin/sh',
      '[ "$1" = -v ] && { echo "Apache Maven 3.8.7 (fake)"; exit 0; }',
      'for a in "$@"; do case $a in -Dstack.jars=*) jars=${a#-Dstack.jars=};; esac; done',
      ...output.map((line) => `echo '${line}'`),
      'mkdir -p "$jars/kafka" "$jars/hdfs" && touch "$jars/kafka/k.jar" "$jars/hdfs/h.jar" "$jars/hdfs/i.jar"',
      `exit ${code}`,
    ];
    writeFileSync(join(bin, 'mvn'), `${script.join('\n')}\n`);
    chmodSync(join(bin, 'mvn'), 0o755);
    process.env.PATH = [bin, '/usr/bin', '/bin'].join(':'); // the fake first; mkdir and touch for it
  };
  const downloaded = (file: string, size: string) =>
    `[INFO] Downloaded from central: https://repository.invalid/maven2/x/${file} (${size} at 2 MB/s)`;

  beforeEach(() => {
    savedPath = process.env.PATH;
    scratch = mkdtempSync(join(tmpdir(), 'test-jars-maven-'));
    layout = {
      ...stackLayout(scratch),
      jars: { kafka: join(scratch, 'jars', 'kafka'), hdfs: join(scratch, 'jars', 'hdfs') },
    };
  });
  afterEach(() => {
    process.env.PATH = savedPath;
    rmSync(scratch, { recursive: true, force: true });
  });

  it("tells Maven's downloads in a few lines, counts the jars, and stamps them", async () => {
    fakeMaven([
      '[INFO] Scanning for projects...',
      '[INFO] Downloading from central: https://repository.invalid/maven2/x/a.pom',
      downloaded('a.pom', '7.5 kB'),
      downloaded('kafka-clients-4.1.1.jar', '12 MB'),
      '[INFO] BUILD SUCCESS',
    ]);
    const said: string[] = [];
    await ensureJars(layout, (line) => said.push(line));
    assert.match(said[0], /^Resolving the Kafka and Hadoop jars with Maven into \S+ \(first run only;/);
    assert.equal(said[1], '  12.0 MB downloaded, 2 files (the latest: kafka-clients-4.1.1.jar)');
    assert.match(said[2], /^Maven downloaded 12\.0 MB in 2 files in \d+ s$/);
    assert.equal(said[3], `✔ 3 jars in ${join(scratch, 'jars')}`);
    assert.equal(said.length, 4, "none of Maven's own lines");
    assert.ok(jarsAreCurrent(layout), 'stamped: the next stack:up resolves nothing');
  });

  it("fails with Maven's error and a hint, without the advice Maven appends to every failure", async () => {
    fakeMaven(
      [
        '[ERROR] Failed to execute goal on project kafka: Could not transfer artifact x:y:pom:1: Unknown host',
        '[ERROR] ',
        '[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.',
        '[ERROR] Re-run Maven using the -X switch to enable full debug logging.',
      ],
      1,
    );
    await assert.rejects(
      ensureJars(layout, () => undefined),
      (err: unknown) => {
        assert.ok(err instanceof PrerequisiteError, 'a PrerequisiteError');
        assert.equal(
          err.message,
          "Maven could not resolve the stack's jars (exit 1):\n" +
            '[ERROR] Failed to execute goal on project kafka: Could not transfer artifact x:y:pom:1: Unknown host',
        );
        assert.match(err.hint ?? '', /check that Maven Central is reachable/);
        return true;
      },
    );
    assert.ok(!jarsAreCurrent(layout), 'not stamped');
  });
});

describe('Stack > stack:up without Java', () => {
  it('prints the error and the hint, and exits 1 without a stack trace', (t) => {
    const home = mkdtempSync(join(tmpdir(), 'test-nojava-'));
    t.after(() => rmSync(home, { recursive: true, force: true }));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/stack.ts', 'up'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: '/nonexistent', LAB_HOME: home },
    });
    assert.equal(result.status, 1, 'exit 1');
    assert.match(result.stderr, /java is not installed or does not run/);
    assert.match(result.stderr, /→ install Java 17 or newer/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  });
});
