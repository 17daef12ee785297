// game_api.py in TypeScript, as the course hands it out: the game API with its starting routes, `/` and
// `/purchase_a_sword`; every route turns the request into an event on Kafka.
//   node --import tsx assignment/game_api.ts [--host 127.0.0.1] [--port 5000] [--topic events]
// The assignment asks you to "instrument the game API with events of your own": add routes below
// (docs/assignment.md). A route answers only once Kafka has acknowledged its event (503 while Kafka is
// away), and credentials and oversized headers never reach the topic (lib/api/event.ts).
import { gameServer, runGameApi } from '../lib/api/game-server.js';
import { loadConfig } from '../lib/config.js';

export function gameApi(config = loadConfig(), topic = config.kafka.topic) {
  // app = Flask(__name__), producer = KafkaProducer(…), log_to_kafka: lib/api/game-server.ts
  const { app, log_to_kafka, ...server } = gameServer(config, topic);

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
    ...server,
  };
}

runGameApi(import.meta.url, 'node --import tsx assignment/game_api.ts', gameApi);
