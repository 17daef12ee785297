// Test helpers: which JVMs of a stack home are alive, read from the process table (not the PID files,
// which are what the tests check).
import { readdirSync, readFileSync } from 'node:fs';
import type { StackLayout } from '../../lib/stack/layout.js';

function commandLine(pid: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

/** PIDs of every live process whose command line carries a daemon marker under `layout.home`, sorted. */
export function stackJvmPids(layout: StackLayout): number[] {
  const homeMarker = new RegExp(`-Dlab\\.daemon=\\S+@${layout.home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`);
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => homeMarker.test(commandLine(pid) ?? ''))
    .map(Number)
    .sort((a, b) => a - b);
}
