// game_api.py in TypeScript, as the course hands it out: the game API with its starting routes, `/` and
// `/purchase_a_sword`; every route turns the request into an event on Kafka.
//   node --import tsx assignment/game_api.ts [--host 127.0.0.1] [--port 5000] [--topic events]
// The assignment asks you to "instrument the game API with events of your own": add routes below
// (docs/assignment.md). A route answers only once Kafka has acknowledged its event (503 while Kafka is
// away), and credentials and oversized headers never reach the topic (lib/api/event.ts).
import type { IncomingMessage } from 'node:http';
import { AccessLog } from '../lib/api/access-log.js';
import { DEFAULT_BATCH_OPTIONS, TopicBatches } from '../lib/api/batch-sender.js';
import { jsonEvent } from '../lib/api/event.js';
import { GameApi } from '../lib/api/game-api.js';
import { runMain } from '../lib/cli.js';
import { loadConfig } from '../lib/config.js';
import { ConfigError } from '../lib/errors.js';
import { EventProducer, type ProducerState } from '../lib/kafka/event-producer.js';

export function gameApi(config = loadConfig(), topic = config.kafka.topic) {
  const brokers = config.kafka.brokers.join(',');
  // producer = KafkaProducer(bootstrap_servers='kafka:29092')
  const producer = new EventProducer(config.kafka, {
    onStateChange: (state) => console.error(describeState(state, brokers)),
  });
  const log = new AccessLog((text) => process.stdout.write(text));
  // app = Flask(__name__)
  const app = new GameApi({
    log,
    health: () => producer.health(topic),
  });
  // Concurrent requests share one acknowledged send (see lib/api/batch-sender.ts).
  const events = new TopicBatches((to, values) => producer.send(to, values), {
    ...DEFAULT_BATCH_OPTIONS,
    mostWaiting: () => app.openConnections,
  });

  async function log_to_kafka(topic: string, event: Record<string, string>, request: IncomingMessage) {
    // event.update(request.headers); producer.send(topic, json.dumps(event).encode())
    await events.send(topic, jsonEvent(event, request.rawHeaders));
  }

  app.route('/', async (request) => {
    const default_event = { event_type: 'default' };
    await log_to_kafka(topic, default_event, request);
    return 'This is the default response!\n';
  });

  app.route('/purchase_a_sword', async (request) => {
    const purchase_sword_event = { event_type: 'purchase_sword' };
    await log_to_kafka(topic, purchase_sword_event, request);
    return 'Sword Purchased!\n';
  });

  // ASSIGNMENT: "add two routes of your own": each answers 200 with a text and sends an event of its own
  // event_type, with at least one field of its own beyond the request headers (as the course's
  // `/purchase_a_knife` sends `{ event_type: 'purchase_knife', description: 'very sharp knife' }`).
  // Then list the Apache Bench runs that call them, as at least two users, in ab-runs.txt.

  return {
    app,
    /** connects to Kafka in the background and listens; returns the port */
    async start(host: string, port: number): Promise<number> {
      producer.start();
      const listening = await app.listen(host, port);
      console.log(` * Serving the game API, events to topic "${topic}" on ${brokers}`);
      console.log(` * Running on http://${host}:${listening}/ (Press CTRL+C to quit)`);
      return listening;
    },
    /** answers every accepted request (its event acknowledged or refused), then disconnects */
    async stop(): Promise<void> {
      await app.close();
      await events.drain();
      log.flush();
      await producer.stop();
    },
  };
}

function describeState(state: ProducerState, brokers: string): string {
  if (state.kind === 'connected') return ` * Kafka connected at ${brokers}`;
  if (state.kind === 'unreachable')
    return ` * Kafka unreachable at ${brokers} (${state.reason}): answering 503 until it is back`;
  return ` * Connecting to Kafka at ${brokers}`;
}

runMain(
  import.meta.url,
  {
    command: 'node --import tsx assignment/game_api.ts',
    summary: 'game_api.py: the game API; every request becomes an event on the Kafka topic.',
    onSignal: 'finish',
    options: {
      host: { type: 'string', value: 'ADDRESS', help: 'where to listen (default: 127.0.0.1, or $API_HOST)' },
      port: {
        type: 'string',
        value: 'PORT',
        help: 'the TCP port, 0 for any free one (default: 5000, or $API_PORT)',
      },
      topic: {
        type: 'string',
        value: 'NAME',
        help: 'the topic to write (default: events, or $EVENTS_TOPIC)',
      },
    },
  },
  async ({ values, stopRequested }) => {
    const config = loadConfig();
    const port = values.port === undefined ? config.api.port : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new ConfigError(
        `--port ${values.port} is not a TCP port`,
        'use a number from 0 (any free port) to 65535',
      );
    }
    const api = gameApi(config, String(values.topic ?? config.kafka.topic));
    await api.start(String(values.host ?? config.api.host), port);
    await stopRequested;
    await api.stop();
  },
);
