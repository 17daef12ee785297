// Test helpers: which JVMs of a stack are alive, read from the process table (not the PID files, which are
// what the tests check). `ps -A -ww -o pid=,args=` is POSIX and reads the same on Linux and macOS (-ww:
// whole command lines, however long).
import { spawnSync } from 'node:child_process';
import { marker } from '../../lib/stack/daemon.js';
import type { StackLayout } from '../../lib/stack/layout.js';
import { services } from '../../lib/stack/stack.js';

/**
 * PIDs of every live process whose command line carries the marker of one of the layout's daemons, sorted.
 * Exact markers, not the home folder: the cluster's home lies inside the single-node stack's.
 */
export function stackJvmPids(layout: StackLayout): number[] {
  const markers = new Set(services(layout).flatMap((s) => s.daemons.map(marker)));
  const ps = spawnSync('ps', ['-A', '-ww', '-o', 'pid=,args='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .filter((line) =>
      line
        .trim()
        .split(/\s+/)
        .some((word) => markers.has(word)),
    )
    .map((line) => Number.parseInt(line, 10))
    .sort((a, b) => a - b);
}
