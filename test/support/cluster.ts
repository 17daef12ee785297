// What the cluster's tests share: the cluster's layout and the lab's configuration pointing at it, its
// daemons by name, killing one the hard way (SIGKILL to its process group, as when its machine dies:
// a Spark worker's executors go with it), and bringing the cluster back whole.
import { randomBytes } from 'node:crypto';
import { loadConfig, type LabConfig } from '../../lib/config.js';
import { HdfsClient } from '../../lib/hdfs/hdfs-client.js';
import { processState } from '../../lib/process/background.js';
import type { Daemon } from '../../lib/stack/daemon.js';
import { labEnv } from '../../lib/stack/lab-env.js';
import { clusterLayout } from '../../lib/stack/layout.js';
import { services, stackUp } from '../../lib/stack/stack.js';
import { waitFor } from '../../lib/wait-for.js';

export const cluster = clusterLayout();

/** The lab's configuration on the cluster, with `env` on top (EVENTS_TOPIC, …). */
export const clusterConfig = (env: Record<string, string> = {}): LabConfig =>
  loadConfig({ ...process.env, ...labEnv(cluster), ...env });

export const clusterHdfs = () => new HdfsClient(clusterConfig().hdfs);

export const randomName = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export function clusterDaemon(name: string): Daemon {
  const daemon = services(cluster)
    .flatMap((s) => s.daemons)
    .find((d) => d.name === name);
  if (!daemon) throw new Error(`the cluster has no daemon ${name}`);
  return daemon;
}

/** kill -9 of the daemon's process group; resolves with its PID once it is gone. */
export async function kill9(daemon: Daemon): Promise<number> {
  const state = processState(daemon);
  if (state.state !== 'running') throw new Error(`${daemon.name} is not running (${state.state})`);
  process.kill(-state.pid, 'SIGKILL');
  await waitFor(async () => processState(daemon).state !== 'running' || undefined, {
    label: `${daemon.name} (pid ${state.pid}) to be gone`,
    timeoutMs: 10_000,
    intervalMs: 100,
  });
  return state.pid;
}

/** stack:up: starts whatever is not running (a killed node) and waits until every service is healthy. */
export async function restoreCluster(): Promise<string[]> {
  const lines: string[] = [];
  await stackUp(cluster, (line) => lines.push(line));
  return lines;
}
