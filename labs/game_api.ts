// The game API: game_api.py on express + kafkajs. Every game route turns the request into an event (its
// event_type and the request headers) and answers 200 only once Kafka has acknowledged that event;
// when Kafka is away it answers 503 and keeps trying to get it back.
//   npx tsx labs/game_api.ts [--host 127.0.0.1] [--port 5000] [--topic events]
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { AccessLog } from '../lib/api/access-log.js';
import { BatchSender, DEFAULT_BATCH_OPTIONS } from '../lib/api/batch-sender.js';
import { ConnectionCounter, createGameServer } from '../lib/api/server.js';
import { loadConfig } from '../lib/config.js';
import { ConfigError, describeError } from '../lib/errors.js';
import { EventProducer, type ProducerState } from '../lib/kafka/event-producer.js';

function options() {
  const config = loadConfig();
  const { values } = parseArgs({
    options: { host: { type: 'string' }, port: { type: 'string' }, topic: { type: 'string' } },
  });
  const port = values.port === undefined ? config.api.port : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(
      `--port ${values.port} is not a TCP port`,
      'use a number from 0 (any free port) to 65535',
    );
  }
  return {
    ...config,
    api: { host: values.host ?? config.api.host, port },
    topic: values.topic ?? config.kafka.topic,
  };
}

function describeState(state: ProducerState, brokers: string): string {
  if (state.kind === 'connected') return ` * Kafka connected at ${brokers}`;
  if (state.kind === 'unreachable')
    return ` * Kafka unreachable at ${brokers} (${state.reason}): answering 503 until it is back`;
  return ` * Connecting to Kafka at ${brokers}`;
}

async function main(): Promise<void> {
  const config = options();
  const brokers = config.kafka.brokers.join(',');
  const producer = new EventProducer(config.kafka, {
    onStateChange: (state) => console.error(describeState(state, brokers)),
  });
  const connections = new ConnectionCounter();
  const events = new BatchSender((values) => producer.send(config.topic, values), {
    ...DEFAULT_BATCH_OPTIONS,
    mostWaiting: () => connections.open,
  });
  const log = new AccessLog((text) => process.stdout.write(text));
  const server = createGameServer({
    events,
    log,
    kafkaState: () => producer.state,
  });

  connections.track(server);
  producer.start();
  server.listen(config.api.port, config.api.host);
  await once(server, 'listening').catch((err: NodeJS.ErrnoException) => {
    const where = `${config.api.host}:${config.api.port}`;
    if (err.code === 'EADDRINUSE')
      throw new ConfigError(
        `${where} is already in use`,
        'stop what runs there, or choose --port / API_PORT',
      );
    throw err;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.api.port;
  console.log(` * Serving the game API, events to topic "${config.topic}" on ${brokers}`);
  console.log(` * Running on http://${config.api.host}:${port}/ (Press CTRL+C to quit)`);

  // Stop accepting; keep serving the requests already accepted (their events still go to Kafka) until their
  // connections end, cutting off after a few seconds; send what is left, then leave.
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  const closed = new Promise((resolve) => server.close(resolve));
  const cutOff = setTimeout(() => server.closeAllConnections(), 5000);
  await closed;
  clearTimeout(cutOff);
  await events.drain();
  log.flush();
  await producer.stop();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(describeError(err));
    process.exit(1);
  },
);
