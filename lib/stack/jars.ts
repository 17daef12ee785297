// The stack's jars come from Maven Central through stack/maven/pom.xml, into .lab/jars/{kafka,hdfs}.
// A stamp (hash of the poms) says whether the cached jars match the poms; a changed pom re-resolves
// from scratch so no stale jar stays on a classpath. The first resolution downloads ~135 MB: Maven's
// output is told as a few progress lines (maven-progress.ts) rather than hidden.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { PrerequisiteError } from '../errors.js';
import { requireTool } from '../process/tools.js';
import { REPO_ROOT } from '../paths.js';
import type { StackLayout } from './layout.js';
import { DownloadTally } from './maven-progress.js';

const POMS = ['pom.xml', 'kafka/pom.xml', 'hdfs/pom.xml'].map((p) => join(REPO_ROOT, 'stack', 'maven', p));

export const requireJava = () =>
  requireTool(
    'java',
    ['-version'],
    'install Java 17 or newer: `apt-get install openjdk-17-jdk-headless` (Debian/Ubuntu), `brew install openjdk@17` (macOS)',
  );

const stampOf = () =>
  createHash('sha256')
    .update(POMS.map((p) => readFileSync(p)).join('\0'))
    .digest('hex');

export function jarsAreCurrent(layout: StackLayout): boolean {
  const stamp = join(dirname(layout.jars.kafka), 'stamp');
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === stampOf();
}

/** How often a quiet Maven gets a line saying it is still at work. */
const TICK_MS = 15_000;

/** Runs Maven, telling its downloads as they come; its error (not the advice after it) when it fails. */
function resolveWithMaven(args: string[], log: (line: string) => void): Promise<void> {
  const started = Date.now();
  const tally = new DownloadTally();
  const errors: string[] = [];
  let errorEnded = false;
  const maven = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  createInterface({ input: maven.stdout }).on('line', (line) => {
    const progress = tally.add(line);
    if (progress) log(progress);
    // Maven's error, then a bare "[ERROR]", then the same advice on every failure (-e, -X, a wiki page)
    if (line.startsWith('[ERROR]') && !errorEnded) {
      errorEnded = line.trim() === '[ERROR]';
      if (!errorEnded) errors.push(line);
    }
  });
  // stderr: what the JVM says, and the launcher's colour resets, which are dropped
  createInterface({ input: maven.stderr }).on('line', (line) => {
    const text = stripVTControlCharacters(line).trim();
    if (text) errors.push(text);
  });
  const timer = setInterval(() => {
    const quiet = tally.tick((Date.now() - started) / 1000);
    if (quiet) log(quiet);
  }, TICK_MS);
  return new Promise((resolve, reject) => {
    maven.once('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    maven.once('close', (code) => {
      clearInterval(timer);
      if (code === 0) {
        log(tally.summary((Date.now() - started) / 1000));
        resolve();
        return;
      }
      reject(
        new PrerequisiteError(
          `Maven could not resolve the stack's jars (exit ${code}):\n${errors.slice(0, 20).join('\n')}`,
          'check that Maven Central is reachable (mvn uses ~/.m2/settings.xml for a mirror or a proxy), then run `npm run stack:up` again',
        ),
      );
    });
  });
}

export async function ensureJars(layout: StackLayout, log: (line: string) => void): Promise<void> {
  if (jarsAreCurrent(layout)) return;
  requireTool(
    'mvn',
    ['-v'],
    'install Maven, e.g. `apt-get install maven` (Debian/Ubuntu) or `brew install maven` (macOS); it resolves the Kafka and Hadoop jars',
  );
  const jarsDir = dirname(layout.jars.kafka);
  log(
    `Resolving the Kafka and Hadoop jars with Maven into ${jarsDir} (first run only; ~135 MB to download unless ~/.m2 has them):`,
  );
  rmSync(jarsDir, { recursive: true, force: true });
  mkdirSync(jarsDir, { recursive: true });
  // -B: no progress bars; style.color: no colour codes in a log; not -q: the download lines are the progress
  await resolveWithMaven(
    ['-B', '-Dstyle.color=never', '-f', POMS[0], 'package', `-Dstack.jars=${jarsDir}`],
    log,
  );
  const jars = Object.values(layout.jars).reduce((sum, dir) => sum + readdirSync(dir).length, 0);
  log(`✔ ${jars} jars in ${jarsDir}`);
  writeFileSync(join(jarsDir, 'stamp'), `${stampOf()}\n`);
}
