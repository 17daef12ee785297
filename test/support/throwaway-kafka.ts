// A second, throwaway Kafka broker in a temporary folder on free ports, for tests that must stop and
// restart a broker. The shared stack's broker is never touched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processState, startBackground, stopBackground } from '../../lib/process/background.js';
import { kafkaBrokers, kafkaDaemon, prepareKafka, probeKafka } from '../../lib/stack/kafka-service.js';
import { DEFAULT_PORTS, stackLayout } from '../../lib/stack/layout.js';
import { waitFor } from '../../lib/wait-for.js';
import { freePort } from './free-port.js';

export interface ThrowawayKafka {
  brokers: string[];
  /** starts the broker (again) and waits until it answers a metadata request */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** sends the broker's JVM a signal: SIGKILL (a crash), SIGSTOP (it takes connections, answers nothing), SIGCONT */
  signal(signal: NodeJS.Signals): void;
  /** stops it and deletes its folder */
  remove(): Promise<void>;
}

export async function throwawayKafka(): Promise<ThrowawayKafka> {
  const home = mkdtempSync(join(tmpdir(), 'test-kafka-'));
  const layout = stackLayout(home, {
    ...DEFAULT_PORTS,
    kafka: await freePort(),
    kafkaController: await freePort(),
  });
  const daemon = kafkaDaemon(layout);
  prepareKafka(layout, () => undefined);
  const stop = async () => void (await stopBackground(daemon, 20_000));
  return {
    brokers: kafkaBrokers(layout),
    start: async () => {
      startBackground(daemon);
      await waitFor(async () => (await probeKafka(layout)).ok || undefined, {
        label: `the throwaway Kafka broker on ${kafkaBrokers(layout)}`,
        timeoutMs: 90_000,
      });
    },
    stop,
    signal: (signal) => {
      const state = processState(daemon);
      if (state.state !== 'running') throw new Error(`the throwaway broker is not running (${state.state})`);
      process.kill(state.pid, signal);
    },
    remove: async () => {
      await stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
