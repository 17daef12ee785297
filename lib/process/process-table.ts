// What the process table says about a PID: /proc where there is one (Linux: no process to spawn), `ps`
// elsewhere (macOS and the BSDs have the same options).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const HAS_PROC = existsSync('/proc/self/stat');

/** The fields of /proc/PID/stat after the command name, which may itself hold spaces and parentheses. */
function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function ps(pid: number, field: string): string | null {
  const result = spawnSync('ps', ['-o', `${field}=`, '-p', String(pid)], { encoding: 'utf8' });
  const text = result.status === 0 ? result.stdout.trim() : '';
  return text === '' ? null : text;
}

/**
 * When the process started, as an opaque token that stays the same for the process's whole life (exec
 * included) and differs for a later process that gets the same PID; null for no process or a zombie.
 */
export function processStartTime(pid: number): string | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (!HAS_PROC) return ps(pid, 'lstart');
  const fields = procStat(pid);
  if (fields === null || fields[0] === 'Z') return null;
  return fields[19]; // field 22 of stat(5): starttime, in clock ticks after boot
}

/** The process group the process belongs to, or null when there is no such process. */
export function processGroupOf(pid: number): number | null {
  const group = HAS_PROC ? procStat(pid)?.[2] : ps(pid, 'pgid');
  return group === undefined || group === null ? null : Number(group);
}

/** The command line, for messages ("taken by node labs/game_api.ts (pid 4242)"). */
export function commandLineOf(pid: number): string | null {
  if (!HAS_PROC) return ps(pid, 'args');
  try {
    const text = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return text === '' ? null : text;
  } catch {
    return null;
  }
}
