// Step 7: just_filtering, the second batch job.
import { labProgram } from '../../lib/assignment/programs.js';
import { topicHasEvents } from '../../lib/walkthrough/prerequisites.js';
import { step } from '../step.js';

export default step(
  {
    id: 7,
    title: 'Filter the sword purchases (batch job just_filtering)',
    original: ['docker-compose exec spark spark-submit /w205/full-stack/just_filtering.py'],
    explanation:
      'Filters the raw events with is_purchase (event_type == "purchase_sword") before parsing them, then ' +
      'prints the schema Spark would infer and the rows. The schema is the union of the fields seen, so events ' +
      'of several schemas (the knife event has a description) can share a topic. With --engine spark it submits ' +
      "the walkthrough's just_filtering.py, then runs the lab's on the same topic: the grade compares their rows.",
    needs: topicHasEvents,
    file: import.meta.url,
    job: true,
  },
  async ({ $, config }) => {
    if (config.engine === 'spark') await $`spark-submit labs/spark/just_filtering.py`;
    await $`node --import tsx ${labProgram('just_filtering')}`;
  },
);
