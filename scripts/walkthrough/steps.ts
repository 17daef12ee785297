// The walkthrough in order.
import { stackUp } from '../steps/01-stack-up.js';
import { createTopic } from '../steps/02-create-topic.js';
import { gameApi } from '../steps/03-game-api.js';
import { followTopic } from '../steps/04-kafka-follower.js';
import { apacheBench } from '../steps/05-apache-bench.js';
import { separateEvents } from '../steps/06-separate-events.js';
import { justFiltering } from '../steps/07-just-filtering.js';
import { filteredWrites } from '../steps/08-filtered-writes.js';
import { listHdfs } from '../steps/09-list-hdfs.js';
import { notebook } from '../steps/10-notebook.js';
import { tearDown } from '../steps/11-tear-down.js';
import type { Step } from './step.js';

export const STEPS: Step[] = [
  stackUp,
  createTopic,
  gameApi,
  followTopic,
  apacheBench,
  separateEvents,
  justFiltering,
  filteredWrites,
  listHdfs,
  notebook,
  tearDown,
];
