// The stack's jars come from Maven Central through stack/maven/pom.xml, into .lab/jars/{kafka,hdfs}.
// A stamp (hash of the poms) says whether the cached jars match the poms; a changed pom re-resolves
// from scratch so no stale jar stays on a classpath.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PrerequisiteError } from '../errors.js';
import { requireTool } from '../process/tools.js';
import { REPO_ROOT } from '../paths.js';
import type { StackLayout } from './layout.js';

const POMS = ['pom.xml', 'kafka/pom.xml', 'hdfs/pom.xml'].map((p) => join(REPO_ROOT, 'stack', 'maven', p));

export const requireJava = () =>
  requireTool(
    'java',
    ['-version'],
    'install Java 17 or newer, e.g. `apt-get install openjdk-17-jdk-headless`',
  );

const stampOf = () =>
  createHash('sha256')
    .update(POMS.map((p) => readFileSync(p)).join('\0'))
    .digest('hex');

export function jarsAreCurrent(layout: StackLayout): boolean {
  const stamp = join(dirname(layout.jars.kafka), 'stamp');
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === stampOf();
}

export function ensureJars(layout: StackLayout, log: (line: string) => void): void {
  if (jarsAreCurrent(layout)) return;
  requireTool(
    'mvn',
    ['-v'],
    'install Maven, e.g. `apt-get install maven`; it resolves the Kafka and Hadoop jars',
  );
  const jarsDir = dirname(layout.jars.kafka);
  log(`Resolving Kafka and Hadoop jars with Maven into ${jarsDir} (first run only, ~110 MB) ...`);
  rmSync(jarsDir, { recursive: true, force: true });
  mkdirSync(jarsDir, { recursive: true });
  const result = spawnSync('mvn', ['-B', '-q', '-f', POMS[0], 'package', `-Dstack.jars=${jarsDir}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    throw new PrerequisiteError(
      `Maven could not resolve the stack's jars:\n${`${result.stdout}${result.stderr}`.trim().split('\n').slice(-20).join('\n')}`,
      'check that Maven Central is reachable (mvn uses ~/.m2/settings.xml), then run `npm run stack:up` again',
    );
  }
  writeFileSync(join(jarsDir, 'stamp'), `${stampOf()}\n`);
}
