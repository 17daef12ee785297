// Test helpers: which JVMs of a stack home are alive, read from the process table (not the PID files,
// which are what the tests check). `ps -A -ww -o pid=,args=` is POSIX and reads the same on Linux and
// macOS (-ww: whole command lines, however long).
import { spawnSync } from 'node:child_process';
import type { StackLayout } from '../../lib/stack/layout.js';

/** PIDs of every live process whose command line carries a daemon marker under `layout.home`, sorted. */
export function stackJvmPids(layout: StackLayout): number[] {
  const homeMarker = new RegExp(`-Dlab\\.daemon=\\S+@${layout.home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`);
  const ps = spawnSync('ps', ['-A', '-ww', '-o', 'pid=,args='], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .filter((line) => homeMarker.test(line))
    .map((line) => Number.parseInt(line, 10))
    .sort((a, b) => a - b);
}
