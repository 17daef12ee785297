// npm run assignment:start [-- --answer] — lays out the assignment's starting point in assignment/, or the
// worked answer: the starting point with starter/answer.patch applied (docs/assignment.md).
import { relative } from 'node:path';
import { runMain } from '../lib/cli.js';
import { REPO_ROOT } from '../lib/paths.js';
import { ANSWER_PATCH, startAnswer } from '../lib/assignment/answer.js';
import { assignmentDir } from '../lib/assignment/programs.js';
import { startAssignment } from '../lib/assignment/start.js';

runMain(
  import.meta.url,
  {
    command: 'npm run assignment:start --',
    summary:
      "Copies the course's starting point (starter/) to assignment/, the folder you change and commit; from then on `npm run lab` runs your programs.",
    options: {
      answer: {
        type: 'boolean',
        help: 'lay out the worked answer instead: the starting point with starter/answer.patch applied',
      },
    },
  },
  async ({ values }) => {
    const dir = assignmentDir();
    const shown = relative(REPO_ROOT, dir);
    const answer = values.answer === true;
    const result = answer ? startAnswer(dir) : startAssignment(dir);
    if (!result.started) {
      console.log(
        `${shown}/ is already started (${result.files.join(', ')}): nothing copied, nothing changed.`,
      );
      return 0;
    }
    if (answer) {
      console.log(
        [
          `✔ the worked answer is in ${shown}/: ${result.files.join(', ')}`,
          `It is the starting point with ${relative(REPO_ROOT, ANSWER_PATCH)} applied (read the patch for what it changes):`,
          '  /purchase_a_shield and /join_a_guild, with events of their own, each called as two users,',
          "  a table per event type in separate_events, the notebook's questions answered.",
          `Then: \`npm run lab -- --keep-running\` runs it, grades it and writes ${shown}/report/README.md.`,
        ].join('\n'),
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
