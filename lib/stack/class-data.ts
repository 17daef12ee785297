// Class-data sharing (CDS) for the stack's JVMs. A JVM started from an archive of the classes it loaded
// last time maps them instead of loading and verifying each one again: about half the CPU of a NameNode's
// start (docs/benchmarks.md), which matters as the three daemons start together on 2 cores.
// JDK 17 writes such an archive when a JVM started with -XX:ArchiveClassesAtExit exits normally, so a
// daemon's first run (until `stack:down`) or a tool's first call makes it and every later start uses it.
// Archives are shared by every stack home, like the jars. A JVM writes its own file, which becomes the
// archive only once that JVM has exited cleanly: two JVMs never write one file, and none maps a half-written one.
// The name carries a key of the java binary and the jars, so a new JDK or new jars get a new archive
// instead of one the JVM would refuse. Folders on the classpath (Hadoop's conf) are not in the key: the
// JVM accepts the archive with any folder after the jars, which is where they go.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { whichAll } from '../process/tools.js';

/** Its notes ("classes of an old format are not archived") would only clutter the daemons' logs. */
const QUIET = '-Xlog:cds=off,cds+dynamic=off';

export interface ClassData {
  /** options for the JVM: start from the archive, or write one at exit */
  options: string[];
  /** once the JVM has exited cleanly: what it wrote becomes the archive */
  keep(): void;
}

/** The real java on PATH (the key changes with a new JDK). */
function javaBinary(): string {
  const java = whichAll('java')[0];
  return java ? realpathSync(java) : 'java';
}

/** The jars of a classpath: `dir/*` stands for every jar in dir, as java expands it; folders are left out. */
function classpathJars(classpath: string[]): string[] {
  return classpath.flatMap((entry) => {
    if (basename(entry) !== '*') return entry.endsWith('.jar') ? [entry] : [];
    const dir = dirname(entry);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.jar'))
          .sort()
          .map((f) => join(dir, f))
      : [];
  });
}

/** What an archive is made from: the JDK, the main class, every jar with its size and time. */
export function classDataKey(mainClass: string, classpath: string[], java = javaBinary()): string {
  const hash = createHash('sha256').update(`${java}\n${mainClass}\n`);
  for (const jar of classpathJars(classpath)) {
    const stat = existsSync(jar) ? statSync(jar) : undefined;
    hash.update(`${jar} ${stat?.size ?? '-'} ${stat?.mtimeMs ?? '-'}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}

/** A JVM writes its file as it exits: one older than this is complete, and no longer wanted. */
const LEFTOVER_AFTER_MS = 60_000;

/**
 * Files other JVMs wrote for an archive that exists now: JVMs that were not stopped by `stack:down` (a
 * test's throwaway broker, a daemon killed) never had theirs kept or dropped.
 */
function dropLeftovers(dir: string, archive: string, now = Date.now()): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${archive}.`) || !name.endsWith('.new')) continue;
    const path = join(dir, name);
    if (now - statSync(path).mtimeMs > LEFTOVER_AFTER_MS) rmSync(path, { force: true });
  }
}

/**
 * The CDS options of a JVM running `mainClass` from `classpath`, the archive in `dir`. `writer` names
 * the file this JVM writes when there is no archive yet (a daemon's name and folder, a tool's PID).
 */
export function classData(
  dir: string,
  jvm: { mainClass: string; classpath: string[] },
  writer: string,
): ClassData {
  const name = jvm.mainClass.split('.').at(-1)!;
  const archive = join(dir, `${name}-${classDataKey(jvm.mainClass, jvm.classpath)}.jsa`);
  if (existsSync(archive)) {
    dropLeftovers(dir, basename(archive));
    return { options: [QUIET, `-XX:SharedArchiveFile=${archive}`], keep: () => undefined };
  }
  mkdirSync(dir, { recursive: true });
  const written = `${archive}.${writer.replace(/[^\w.-]+/g, '_')}.new`;
  return {
    options: [QUIET, `-XX:ArchiveClassesAtExit=${written}`],
    keep: () => {
      if (!existsSync(written)) return;
      if (existsSync(archive)) return rmSync(written, { force: true });
      // archives of an older JDK or older jars are of no use any more
      const older = new RegExp(`^${name}-[0-9a-f]{12}\\.jsa$`);
      for (const f of readdirSync(dir).filter((f) => older.test(f))) rmSync(join(dir, f), { force: true });
      renameSync(written, archive);
    },
  };
}
