// npm run assignment:start — lays out the assignment's starting point in assignment/ (docs/assignment.md).
import { relative } from 'node:path';
import { runMain } from '../lib/cli.js';
import { REPO_ROOT } from '../lib/paths.js';
import { assignmentDir } from '../lib/assignment/programs.js';
import { startAssignment } from '../lib/assignment/start.js';

runMain(
  import.meta.url,
  {
    command: 'npm run assignment:start --',
    summary:
      "Copies the course's starting point (starter/) to assignment/, the folder you change and commit; from then on `npm run lab` runs your programs.",
    options: {},
  },
  async () => {
    const dir = assignmentDir();
    const shown = relative(REPO_ROOT, dir);
    const result = startAssignment(dir);
    if (!result.started) {
      console.log(
        `${shown}/ is already started (${result.files.join(', ')}): nothing copied, nothing changed.`,
      );
      return 0;
    }
    console.log(`✔ the starting point is in ${shown}/: ${result.files.join(', ')}`);
    console.log(
      [
        'What to change (each place says what the assignment asks, in a comment starting with ASSIGNMENT):',
        `  ${shown}/game_api.ts         two routes of your own, each with an event of its own`,
        `  ${shown}/ab-runs.txt         the Apache Bench runs that call them, as at least two users`,
        `  ${shown}/separate_events.ts  a table per event type`,
        `  ${shown}/filtered_writes.ts  (and just_filtering.ts, as the course gives them) the purchases to keep`,
        `  ${shown}/querying-purchases.ipynb  the questions, answered`,
        'Then: `npm run lab -- --keep-running` runs your programs, grades them and writes report/README.md;',
        '`npm run lab:grade` grades again; commit the folder. docs/assignment.md says more.',
      ].join('\n'),
    );
    return 0;
  },
);
