// up / down / status / reset / logs for the local stack: Kafka (KRaft) and HDFS (NameNode + DataNode).
import { rmSync } from 'node:fs';
import { PrerequisiteError, ServiceUnreachableError } from '../errors.js';
import { waitFor } from '../wait-for.js';
import {
  logFile,
  processState,
  removePidFile,
  startBackground,
  stopBackground,
  tailLog,
} from '../process/background.js';
import type { JavaDaemon } from './daemon.js';
import { datanodeDaemon, namenodeDaemon, prepareHdfs, probeHdfs } from './hdfs-service.js';
import { ensureJars, requireJava } from './jars.js';
import { kafkaDaemon, prepareKafka, probeKafka } from './kafka-service.js';
import type { StackLayout } from './layout.js';
import { isListening, portOwner } from '../process/ports.js';

export interface Service {
  name: string;
  daemons: JavaDaemon[];
  prepare(layout: StackLayout, log: (line: string) => void): void;
  /** Resolves to a description when usable; false or a throw when not yet. */
  probe(layout: StackLayout): Promise<string | false>;
  hint: string;
}

export function services(layout: StackLayout): Service[] {
  return [
    {
      name: 'Kafka',
      daemons: [kafkaDaemon(layout)],
      prepare: prepareKafka,
      probe: probeKafka,
      hint: 'see the log above; `npm run stack:reset` starts over with empty storage',
    },
    {
      name: 'HDFS',
      daemons: [namenodeDaemon(layout), datanodeDaemon(layout)],
      prepare: prepareHdfs,
      probe: probeHdfs,
      hint: 'see the logs above; `npm run stack:reset` reformats HDFS',
    },
  ];
}

export type Log = (line: string) => void;
export const STARTUP_TIMEOUT_MS = 120_000;

async function ensurePortsFree(daemon: JavaDaemon, host: string): Promise<void> {
  for (const { label, port } of daemon.ports) {
    if (await isListening(host, port)) {
      const owner = portOwner(port);
      throw new PrerequisiteError(
        `port ${port} (${daemon.name} ${label}) on ${host} is already taken by ${owner ?? 'another program'}`,
        'stop that program, or if it is an old lab stack started from another folder, stop it there with `npm run stack:down`',
      );
    }
  }
}

/** Starts what is not running and waits until every service is usable. Running it twice changes nothing. */
export async function stackUp(layout: StackLayout, log: Log, timeoutMs = STARTUP_TIMEOUT_MS): Promise<void> {
  requireJava();
  await ensureJars(layout, log);
  const started = Date.now();
  const plan = services(layout).map((service) => ({
    service,
    states: service.daemons.map((d) => ({ daemon: d, state: processState(d) })),
  }));
  // Every port is checked before anything starts: a taken port must not leave one service half up.
  for (const { daemon, state } of plan.flatMap((p) => p.states)) {
    if (state.state !== 'running') await ensurePortsFree(daemon, layout.host);
  }
  const waits: Promise<void>[] = [];
  for (const { service, states } of plan) {
    if (states.every((s) => s.state.state === 'running')) {
      const pids = states.map((s) => (s.state.state === 'running' ? s.state.pid : 0)).join(', ');
      log(`${service.name} is already running (pid ${pids}); checking it answers ...`);
    } else {
      for (const { daemon, state } of states) {
        if (state.state === 'stale') {
          log(`Removing the stale PID file of ${daemon.name}: ${state.reason}`);
          removePidFile(daemon);
        }
      }
      service.prepare(layout, log);
      for (const { daemon, state } of states) {
        if (state.state === 'running') continue;
        const pid = startBackground(daemon);
        log(`Started ${daemon.name} (pid ${pid}), log: ${logFile(daemon)}`);
      }
    }
    waits.push(waitUntilHealthy(service, layout, log, timeoutMs));
  }
  const results = await Promise.allSettled(waits);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  log(`✔ The stack is up (${((Date.now() - started) / 1000).toFixed(1)} s).`);
}

async function waitUntilHealthy(
  service: Service,
  layout: StackLayout,
  log: Log,
  timeoutMs: number,
): Promise<void> {
  log(`Waiting up to ${timeoutMs / 1000} s for ${service.name} to be usable ...`);
  let lastReport = 0;
  try {
    const description = await waitFor(() => service.probe(layout), {
      giveUpIf: () => {
        const dead = service.daemons.find((d) => processState(d).state !== 'running');
        return dead && `${dead.name} exited during start-up`;
      },
      label: service.name,
      timeoutMs,
      intervalMs: 500,
      onRetry: (seconds) => {
        if (seconds - lastReport >= 10) {
          lastReport = seconds;
          log(`  ... still waiting for ${service.name} (${Math.round(seconds)} s)`);
        }
      },
    });
    log(`✔ ${service.name}: ${description}`);
  } catch (err) {
    const tails = service.daemons
      .map((d) => `--- last lines of ${logFile(d)} ---\n${tailLog(d, 25)}`)
      .join('\n');
    const why = err instanceof Error ? err.message : String(err);
    throw new ServiceUnreachableError(`✘ ${service.name} did not come up: ${why}\n${tails}`, service.hint);
  }
}

/** Stops every daemon by PID, newest first, and waits for each to exit. */
export async function stackDown(layout: StackLayout, log: Log): Promise<void> {
  const daemons = services(layout)
    .flatMap((s) => s.daemons)
    .reverse();
  for (const daemon of daemons) {
    const before = processState(daemon);
    const outcome = await stopBackground(daemon);
    const pid = before.state === 'running' ? ` (pid ${before.pid})` : '';
    log(`${outcome === 'not running' ? '·' : '✔'} ${daemon.name}${pid}: ${outcome}`);
  }
}

/** down, then the services' data and logs go (the cached jars stay). */
export async function stackReset(layout: StackLayout, log: Log): Promise<void> {
  await stackDown(layout, log);
  for (const dir of [layout.kafkaDir, layout.hdfsDir]) rmSync(dir, { recursive: true, force: true });
  log(`✔ Wiped ${layout.kafkaDir} and ${layout.hdfsDir}`);
}

export interface DaemonStatus {
  service: string;
  daemon: string;
  pid: number | null;
  state: string;
  ports: string;
  health: string;
  healthy: boolean;
}

export async function stackStatus(layout: StackLayout): Promise<DaemonStatus[]> {
  const rows: DaemonStatus[] = [];
  for (const service of services(layout)) {
    let health: string;
    let healthy = false;
    try {
      const answer = await service.probe(layout);
      healthy = answer !== false;
      health = answer === false ? 'not ready' : answer;
    } catch (err) {
      health = err instanceof Error ? err.message.split('\n')[0] : String(err);
    }
    for (const daemon of service.daemons) {
      const state = processState(daemon);
      rows.push({
        service: service.name,
        daemon: daemon.name,
        pid: state.state === 'stopped' ? null : state.pid,
        state: state.state === 'stale' ? `stale PID file (${state.reason})` : state.state,
        ports: daemon.ports.map((p) => `${p.port} ${p.label}`).join(', '),
        health,
        healthy: healthy && state.state === 'running',
      });
    }
  }
  return rows;
}

export function stackLogs(layout: StackLayout, lines: number, only?: string): string {
  return services(layout)
    .flatMap((s) => s.daemons)
    .filter((d) => !only || d.name === only)
    .map((d) => `==> ${logFile(d)} <==\n${tailLog(d, lines)}`)
    .join('\n\n');
}
