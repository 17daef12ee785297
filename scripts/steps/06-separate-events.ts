// Step 6: separate_events, the first batch job.
import { activeAssignment, labProgram } from '../../lib/assignment/programs.js';
import { SCHEMA_MISMATCH } from '../../lib/spark/spark-text.js';
import { topicHasEvents } from '../../lib/walkthrough/prerequisites.js';
import { step } from '../step.js';

export default step(
  {
    id: 6,
    title: 'Separate the events by type (batch job separate_events)',
    original: ['docker-compose exec spark spark-submit /w205/full-stack/separate_events.py'],
    explanation:
      'Reads the whole topic as a bounded batch (earliest to latest offset), applies munge_event (Host becomes ' +
      '"moe", Cache-Control "no-cache"), shows one table per event type and writes them to /tmp/events, ' +
      "partitioned by event type (what the walkthrough's commented-out write meant; exploring-events.ipynb " +
      'reads it). Unlike the original, the types ' +
      'come from the data rather than a hard-coded list, and rows of other schemas do not break it. With ' +
      "--engine spark it submits the walkthrough's separate_events.py, which fails as the walkthrough warns " +
      '("would break if we gave it 2 different schemas"): Spark takes the schema of the first event, and the ' +
      'knife purchase has one field more.',
    needs: topicHasEvents,
    file: import.meta.url,
    job: true,
  },
  async ({ $, config, say }) => {
    if (config.engine === 'typescript') {
      // --write: the walkthrough's commented-out write, which exploring-events.ipynb reads; the student's
      // separate_events (the assignment's) only shows its tables, as the course's does
      if (activeAssignment()) await $`node --import tsx ${labProgram('separate_events')}`;
      else await $`node --import tsx ${labProgram('separate_events')} --write ${config.hdfs.eventsDir}`;
      return;
    }
    const submitted = await $({ nothrow: true })`spark-submit labs/spark/separate_events.py`;
    if (submitted.exitCode === 0) return;
    const mismatch = SCHEMA_MISMATCH.exec(submitted.stdout);
    if (!mismatch)
      throw new Error(`spark-submit labs/spark/separate_events.py exited with ${submitted.exitCode}`);
    say(
      `As the walkthrough warns, separate_events.py "would break if we gave it 2 different schemas": Spark ` +
        `took the schema of the first event (${mismatch[1]} fields) and a later one has ${mismatch[2]} (the ` +
        "knife purchase's description). The lab's separate_events unions the schemas instead.",
    );
  },
);
