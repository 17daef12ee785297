// What a program must undo if it is stopped half way (Ctrl-C, kill): a local spool, a temporary HDFS
// directory, a lease. Whoever makes such a thing registers its undoing while it exists; lib/cli.ts runs
// what is registered when a signal stops the program. Newest first, as a stack unwinds.

type Cleanup = () => Promise<void> | void;

const cleanups: Cleanup[] = [];

/** Registers `cleanup` until the returned function is called (when the thing is gone anyway). */
export function registerCleanup(cleanup: Cleanup): () => void {
  cleanups.push(cleanup);
  return () => {
    const i = cleanups.lastIndexOf(cleanup);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Runs every registered cleanup, newest first; a failing one does not stop the others. */
export async function runCleanups(): Promise<number> {
  let ran = 0;
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!;
    try {
      await cleanup();
      ran += 1;
    } catch {
      // best effort: the others still run
    }
  }
  return ran;
}
