// Test helpers: which JVMs of a stack are alive, read from the process table (not the PID files, which are
// what the tests check).
import { readdirSync, readFileSync } from 'node:fs';
import { marker } from '../../lib/stack/daemon.js';
import type { StackLayout } from '../../lib/stack/layout.js';
import { services } from '../../lib/stack/stack.js';

function commandLine(pid: string): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/**
 * PIDs of every live process whose command line carries the marker of one of the layout's daemons, sorted.
 * Exact markers, not the home folder: the cluster's home lies inside the single-node stack's.
 */
export function stackJvmPids(layout: StackLayout): number[] {
  const markers = new Set(services(layout).flatMap((s) => s.daemons.map(marker)));
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => commandLine(pid).some((word) => markers.has(word)))
    .map(Number)
    .sort((a, b) => a - b);
}
