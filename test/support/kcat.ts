// The topic as kcat prints it: `kcat -C -b BROKER -t TOPIC -o beginning -e -q`, one message per line.
import { spawnSync } from 'node:child_process';

export function kcatLines(brokers: string[], topic: string): string[] {
  const result = spawnSync(
    'kcat',
    ['-C', '-b', brokers.join(','), '-t', topic, '-o', 'beginning', '-e', '-q'],
    {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 256 * 1024 * 1024, // a topic of 10,000 events is ~10 MB; the default 1 MB cuts it off
    },
  );
  if (result.status !== 0) throw new Error(`kcat failed (${result.status}): ${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean);
}
