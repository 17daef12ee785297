// What every game API program shares (labs/game_api.ts and the assignment's starting point): the Kafka
// producer, the access log, the acknowledged batched sends, start and stop, and the command line. The
// program itself keeps only what game_api.py had: its routes, their events and their texts.
import type { IncomingMessage } from 'node:http';
import { runMain } from '../cli.js';
import { loadConfig, type LabConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { EventProducer, type ProducerState } from '../kafka/event-producer.js';
import { AccessLog } from './access-log.js';
import { DEFAULT_BATCH_OPTIONS, TopicBatches } from './batch-sender.js';
import { jsonEvent } from './event.js';
import { GameApi } from './game-api.js';

export interface GameServer {
  /** the express app, to add routes to (Flask's `app`) */
  app: GameApi;
  /** game_api.py's log_to_kafka: the event with the request's headers, answered once Kafka has it */
  log_to_kafka(topic: string, event: Record<string, string>, request: IncomingMessage): Promise<void>;
  /** connects to Kafka in the background and listens; returns the port */
  start(host: string, port: number): Promise<number>;
  /** answers every accepted request (its event acknowledged or refused), then disconnects */
  stop(): Promise<void>;
}

export function gameServer(config: LabConfig, topic: string): GameServer {
  const brokers = config.kafka.brokers.join(',');
  // producer = KafkaProducer(bootstrap_servers='kafka:29092')
  const producer = new EventProducer(config.kafka, {
    onStateChange: (state) => console.error(describeState(state, brokers)),
  });
  const log = new AccessLog((text) => process.stdout.write(text));
  // app = Flask(__name__)
  const app = new GameApi({ log, health: () => producer.health(topic) });
  // Concurrent requests share one acknowledged send (see batch-sender.ts).
  const events = new TopicBatches((to, values) => producer.send(to, values), {
    ...DEFAULT_BATCH_OPTIONS,
    mostWaiting: () => app.openConnections,
  });
  return {
    app,
    async log_to_kafka(to, event, request) {
      // event.update(request.headers); producer.send(topic, json.dumps(event).encode())
      await events.send(to, jsonEvent(event, request.rawHeaders));
    },
    async start(host, port) {
      producer.start();
      const listening = await app.listen(host, port);
      console.log(` * Serving the game API, events to topic "${topic}" on ${brokers}`);
      console.log(` * Running on http://${host}:${listening}/ (Press CTRL+C to quit)`);
      return listening;
    },
    async stop() {
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

/** `flask run` for a game API program: its options, then serve until SIGINT or SIGTERM, then stop. */
export function runGameApi(
  moduleUrl: string,
  command: string,
  gameApi: (config: LabConfig, topic: string) => Pick<GameServer, 'start' | 'stop'>,
): void {
  runMain(
    moduleUrl,
    {
      command,
      summary: 'game_api.py: the game API; every request becomes an event on the Kafka topic.',
      onSignal: 'finish',
      options: {
        host: {
          type: 'string',
          value: 'ADDRESS',
          help: 'where to listen (default: 127.0.0.1, or $API_HOST)',
        },
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
}
