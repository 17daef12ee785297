// Step 6: separate_events, the first batch job.
import { topicHasEvents } from '../../lib/walkthrough/prerequisites.js';
import { step } from '../step.js';

export default step(
  {
    id: 6,
    title: 'Separate the events by type (batch job separate_events)',
    original: ['docker-compose exec spark spark-submit /w205/assignment-11-adamcy99/separate_events.py'],
    explanation:
      'Reads the whole topic as a bounded batch (earliest to latest offset), applies munge_event (Host becomes ' +
      '"moe", Cache-Control "no-cache") and shows one table per event type. Unlike the original, the types ' +
      'come from the data rather than a hard-coded list, and rows of other schemas do not break it.',
    needs: topicHasEvents,
    file: import.meta.url,
  },
  async ({ $ }) => {
    await $`npx tsx labs/separate_events.ts`;
  },
);
