// Step 7: just_filtering, the second batch job.
import { topicHasEvents } from '../walkthrough/prerequisites.js';
import { runWhenMain, type Step } from '../walkthrough/step.js';

export const justFiltering: Step = {
  id: 7,
  title: 'Filter the sword purchases (batch job just_filtering)',
  original: ['docker-compose exec spark spark-submit /w205/assignment-12-adamcy99/just_filtering.py'],
  explanation:
    'Filters the raw events with is_purchase (event_type == "purchase_sword") before parsing them, then ' +
    'prints the schema Spark would infer and the rows. The schema is the union of the fields seen, so events ' +
    'of several schemas (the knife event has a description) can share a topic.',
  prerequisite: topicHasEvents,
  run: async (shell, { target }) => {
    await shell.run(target.lab('just_filtering'));
  },
};

runWhenMain(justFiltering, import.meta.url);
