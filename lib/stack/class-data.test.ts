import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classData, classDataKey } from './class-data.js';

function jarsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lab-class-data-jars-'));
  writeFileSync(join(dir, 'a.jar'), 'a');
  writeFileSync(join(dir, 'b.jar'), 'bb');
  return dir;
}

describe('Stack > class-data archives', () => {
  it('keys an archive by the JDK, the main class and the jars, not by the folders after them', () => {
    const jars = jarsFolder();
    const key = classDataKey('kafka.Kafka', [join(jars, '*')], '/usr/lib/jvm/17/bin/java');
    assert.match(key, /^[0-9a-f]{12}$/);
    assert.equal(
      key,
      classDataKey('kafka.Kafka', [join(jars, '*'), '/some/conf'], '/usr/lib/jvm/17/bin/java'),
    );
    assert.notEqual(
      key,
      classDataKey('kafka.Kafka', [join(jars, '*')], '/usr/lib/jvm/21/bin/java'),
      'a new JDK',
    );
    assert.notEqual(key, classDataKey('org.x.Other', [join(jars, '*')], '/usr/lib/jvm/17/bin/java'));
    utimesSync(join(jars, 'b.jar'), new Date(2020, 1, 1), new Date(2020, 1, 1));
    assert.notEqual(
      key,
      classDataKey('kafka.Kafka', [join(jars, '*')], '/usr/lib/jvm/17/bin/java'),
      'a new jar',
    );
  });

  it('writes to a file of its own, which becomes the archive once kept, and is used from then on', () => {
    const jvm = { mainClass: 'org.apache.hadoop.fs.FsShell', classpath: [join(jarsFolder(), '*')] };
    const dir = join(mkdtempSync(join(tmpdir(), 'lab-class-data-')), 'class-data');
    const first = classData(dir, jvm, 'pid-1');
    const written = first.options.find((o) => o.startsWith('-XX:ArchiveClassesAtExit='))!.split('=')[1];
    assert.match(written, /FsShell-[0-9a-f]{12}\.jsa\.pid-1\.new$/);
    const second = classData(dir, jvm, 'pid-2');
    assert.notEqual(second.options.at(-1), first.options.at(-1), 'two JVMs never write one file');

    first.keep(); // the JVM wrote nothing (it failed): no archive
    assert.deepEqual(readdirSync(dir), []);
    writeFileSync(written, 'archive');
    first.keep();
    const [archive] = readdirSync(dir);
    assert.match(archive, /^FsShell-[0-9a-f]{12}\.jsa$/);
    assert.deepEqual(
      classData(dir, jvm, 'pid-3').options.at(-1),
      `-XX:SharedArchiveFile=${join(dir, archive)}`,
    );

    // the other JVM's file, written too late, is dropped
    const late = second.options.at(-1)!.split('=')[1];
    writeFileSync(late, 'archive');
    second.keep();
    assert.deepEqual(readdirSync(dir), [archive]);
  });

  it('drops the archive of older jars when it keeps a new one', () => {
    const jars = jarsFolder();
    const jvm = { mainClass: 'kafka.Kafka', classpath: [join(jars, '*')] };
    const dir = join(mkdtempSync(join(tmpdir(), 'lab-class-data-')), 'class-data');
    const old = classData(dir, jvm, 'kafka@a');
    writeFileSync(old.options.at(-1)!.split('=')[1], 'old');
    old.keep();
    writeFileSync(join(jars, 'c.jar'), 'new jar');
    const fresh = classData(dir, jvm, 'kafka@a');
    assert.match(fresh.options.at(-1)!, /ArchiveClassesAtExit/, 'the old archive is not used');
    writeFileSync(fresh.options.at(-1)!.split('=')[1], 'new');
    fresh.keep();
    assert.equal(readdirSync(dir).length, 1);
    assert.match(classData(dir, jvm, 'x').options.at(-1)!, /SharedArchiveFile/);
  });

  it('drops what JVMs that were never stopped cleanly wrote, once the archive exists and they are done', () => {
    const jvm = { mainClass: 'kafka.Kafka', classpath: [join(jarsFolder(), '*')] };
    const dir = join(mkdtempSync(join(tmpdir(), 'lab-class-data-')), 'class-data');
    const kept = classData(dir, jvm, 'kafka@home');
    const orphan = classData(dir, jvm, 'kafka@throwaway').options.at(-1)!.split('=')[1];
    const writing = classData(dir, jvm, 'kafka@other').options.at(-1)!.split('=')[1];
    writeFileSync(kept.options.at(-1)!.split('=')[1], 'archive');
    kept.keep();
    writeFileSync(orphan, 'archive');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(orphan, anHourAgo, anHourAgo);
    writeFileSync(writing, 'being written');
    classData(dir, jvm, 'kafka@next');
    assert.deepEqual(
      readdirSync(dir).map((f) => f.replace(/[0-9a-f]{12}/, 'KEY')),
      ['Kafka-KEY.jsa', 'Kafka-KEY.jsa.kafka_other.new'],
      'the old leftover goes; a file written a moment ago may still be in progress',
    );
  });
});
