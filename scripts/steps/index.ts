// The walkthrough's steps, in order.
import stackUp from './01-stack-up.js';
import createTopic from './02-create-topic.js';
import gameApi from './03-game-api.js';
import followTopic from './04-kafka-follower.js';
import apacheBench from './05-apache-bench.js';
import separateEvents from './06-separate-events.js';
import justFiltering from './07-just-filtering.js';
import filteredWrites from './08-filtered-writes.js';
import listHdfs from './09-list-hdfs.js';
import notebook from './10-notebook.js';
import tearDown from './11-tear-down.js';

export const STEPS = [
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
