// up / down / status / reset / logs for a stack: Kafka (KRaft) and HDFS, plus Spark in the cluster. The
// same code serves the single-node stack and the cluster; the layout says which daemons there are.
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
import type { Daemon } from './daemon.js';
import type { Health } from './health.js';
import { hdfsDaemons } from './hdfs-daemons.js';
import { prepareHdfs, probeHdfs } from './hdfs-service.js';
import { ensureJars, requireJava } from './jars.js';
import { kafkaDaemons, prepareKafka, probeKafka } from './kafka-service.js';
import type { StackLayout } from './layout.js';
import { isListening, portOwner } from '../process/ports.js';
import { prepareSpark, probeSpark, sparkDaemons } from './spark-service.js';

export interface Service {
  name: string;
  daemons: Daemon[];
  prepare(layout: StackLayout, log: (line: string) => void): void;
  /** Asks the service; throws when it does not answer at all. */
  probe(layout: StackLayout): Promise<Health>;
  hint: string;
}

/** The npm command for this layout: `npm run stack:reset`, `npm run stack:reset -- --cluster`. */
export const stackCommand = (layout: StackLayout, command: string) =>
  `npm run stack:${command}${layout.kind === 'cluster' ? ' -- --cluster' : ''}`;

export function services(layout: StackLayout): Service[] {
  const all: Service[] = [
    {
      name: 'Kafka',
      daemons: kafkaDaemons(layout),
      prepare: prepareKafka,
      probe: probeKafka,
      hint: `see the log above; \`${stackCommand(layout, 'reset')}\` starts over with empty storage`,
    },
    {
      name: 'HDFS',
      daemons: hdfsDaemons(layout),
      prepare: prepareHdfs,
      probe: probeHdfs,
      hint: `see the logs above; \`${stackCommand(layout, 'reset')}\` reformats HDFS`,
    },
  ];
  if (layout.spark) {
    all.push({
      name: 'Spark',
      daemons: sparkDaemons(layout),
      prepare: prepareSpark,
      probe: probeSpark,
      hint: 'see the logs above; a worker that cannot register says why in its log',
    });
  }
  return all;
}

export type Log = (line: string) => void;
/** The cluster starts ten JVMs on two cores, well over a minute on a busy machine (docs/benchmarks.md). */
export const STARTUP_TIMEOUT_MS = { stack: 120_000, cluster: 240_000 };

async function ensurePortsFree(layout: StackLayout, daemon: Daemon): Promise<void> {
  for (const { label, port } of daemon.ports) {
    if (await isListening(layout.host, port)) {
      const owner = portOwner(port);
      throw new PrerequisiteError(
        `port ${port} (${daemon.name} ${label}) on ${layout.host} is already taken by ${owner ?? 'another program'}`,
        `stop that program, or if it is an old lab ${layout.kind} started from another folder, stop it there with \`${stackCommand(layout, 'down')}\``,
      );
    }
  }
}

/** Starts what is not running and waits until every service is usable. Running it twice changes nothing. */
export async function stackUp(
  layout: StackLayout,
  log: Log,
  timeoutMs = STARTUP_TIMEOUT_MS[layout.kind],
): Promise<void> {
  requireJava();
  await ensureJars(layout, log);
  const started = Date.now();
  const plan = services(layout).map((service) => ({
    service,
    states: service.daemons.map((d) => ({ daemon: d, state: processState(d) })),
  }));
  // Every port is checked before anything starts: a taken port must not leave one service half up.
  for (const { daemon, state } of plan.flatMap((p) => p.states)) {
    if (state.state !== 'running') await ensurePortsFree(layout, daemon);
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
  log(`✔ The ${layout.kind} is up (${((Date.now() - started) / 1000).toFixed(1)} s).`);
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
    const description = await waitFor(
      async () => {
        const health = await service.probe(layout);
        // not usable yet: thrown, so that a timeout says what was still missing
        if (!health.ok) throw new Error(health.detail);
        return health.detail;
      },
      {
        giveUpIf: () => {
          const dead = service.daemons.find((d) => processState(d).state !== 'running');
          return dead && `${dead.name} exited during start-up`;
        },
        label: service.name,
        timeoutMs,
        intervalMs: 250,
        onRetry: (seconds) => {
          if (seconds - lastReport >= 10) {
            lastReport = seconds;
            log(`  ... still waiting for ${service.name} (${Math.round(seconds)} s)`);
          }
        },
      },
    );
    log(`✔ ${service.name}: ${description}`);
  } catch (err) {
    const tails = service.daemons
      .map((d) => `--- last lines of ${logFile(d)} ---\n${tailLog(d, 25)}`)
      .join('\n');
    const why = err instanceof Error ? err.message : String(err);
    throw new ServiceUnreachableError(`✘ ${service.name} did not come up: ${why}\n${tails}`, service.hint);
  }
}

/**
 * Stops every daemon by PID, the last service started first, and waits for each to exit. A service's
 * daemons are stopped together: a Kafka node stopped after its peers would find no controller quorum left
 * to shut down with, and wait for it until killed.
 */
export async function stackDown(layout: StackLayout, log: Log): Promise<void> {
  for (const service of services(layout).reverse()) {
    const daemons = [...service.daemons].reverse();
    const before = daemons.map((d) => processState(d));
    const outcomes = await Promise.all(
      daemons.map(async (d) => {
        const outcome = await stopBackground(d);
        if (outcome === 'stopped') d.onStopped?.();
        return outcome;
      }),
    );
    daemons.forEach((daemon, i) => {
      const state = before[i];
      const pid = state.state === 'running' ? ` (pid ${state.pid})` : '';
      log(`${outcomes[i] === 'not running' ? '·' : '✔'} ${daemon.name}${pid}: ${outcomes[i]}`);
    });
  }
}

/** down, then the services' data and logs go (the cached jars and PySpark stay). */
export async function stackReset(layout: StackLayout, log: Log): Promise<void> {
  await stackDown(layout, log);
  const dirs = [layout.kafkaDir, layout.hdfsDir, ...(layout.spark ? [layout.spark.dir] : [])];
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  log(`✔ Wiped ${dirs.join(', ')}`);
}

export interface DaemonStatus {
  service: string;
  daemon: string;
  pid: number | null;
  state: string;
  ports: string;
  /** the daemon's part in its service ("broker, controller (leader)", "live"), or why it has none */
  health: string;
  healthy: boolean;
  /** the service as a whole, from the same probe: usable, and a line on it */
  serviceOk: boolean;
  serviceHealth: string;
}

export async function stackStatus(layout: StackLayout): Promise<DaemonStatus[]> {
  const rows: DaemonStatus[] = [];
  for (const service of services(layout)) {
    let health: Health | null = null;
    let unreachable = '';
    try {
      health = await service.probe(layout);
    } catch (err) {
      unreachable = err instanceof Error ? err.message.split('\n')[0] : String(err);
    }
    for (const daemon of service.daemons) {
      const state = processState(daemon);
      const part = health?.daemons[daemon.name];
      rows.push({
        service: service.name,
        daemon: daemon.name,
        pid: state.state === 'stopped' ? null : state.pid,
        state: state.state === 'stale' ? `stale PID file (${state.reason})` : state.state,
        ports: daemon.ports.map((p) => `${p.port} ${p.label}`).join(', '),
        health: part?.detail ?? unreachable,
        healthy: state.state === 'running' && (part?.ok ?? false),
        serviceOk: health?.ok ?? false,
        serviceHealth: health?.detail ?? unreachable,
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
