// game_api.py in TypeScript, on express + kafkajs: every route turns the request into an event on Kafka.
//   npx tsx labs/game_api.ts [--host 127.0.0.1] [--port 5000] [--topic events]
// The routes and their texts are the original's, plus the course's knife route (its event carries a
// `description`, a second schema for the batch jobs). Where it differs on purpose: a route answers only
// once Kafka has acknowledged its event (503 while Kafka is away, and it recovers by itself), and
// credentials and oversized headers never reach the topic (lib/api/event.ts).
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

  app.route('/purchase_a_shield', async (request) => {
    const purchase_shield_event = { event_type: 'purchase_shield' };
    await log_to_kafka(topic, purchase_shield_event, request);
    return 'Shield Purchased!\n';
  });

  app.route('/join_a_guild', async (request) => {
    const join_guild_event = { event_type: 'join_guild' };
    await log_to_kafka(topic, join_guild_event, request);
    return 'You Have Joined A Guild!\n';
  });

  app.route('/purchase_a_knife', async (request) => {
    const purchase_knife_event = { event_type: 'purchase_knife', description: 'very sharp knife' };
    await log_to_kafka(topic, purchase_knife_event, request);
    return 'Knife Purchased!\n';
  });

  return {
    app,
    ...server,
  };
}

runGameApi(import.meta.url, 'npx tsx labs/game_api.ts', gameApi);
