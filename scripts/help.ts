// npm run help: every command of the lab with one line each, in groups, as a Makefile's `help` target
// lists its targets. scripts/help.test.ts checks that every npm script has its line here, and no line is
// stale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../lib/cli.js';
import { REPO_ROOT } from '../lib/paths.js';

/**
 * The groups `npm run help` prints, in the order a student meets them, each with one line per npm script.
 * A new npm script gets its line in the group it serves: a student's command under the lab, the stack,
 * notebooks or grading; a test, bench or build command under "for developers".
 */
export const HELP_GROUPS: { title: string; commands: [script: string, line: string][] }[] = [
  {
    title: 'The lab',
    commands: [
      [
        'lab',
        'the whole walkthrough, graded, with its report (-- --dry-run, --keep-running, --cluster, --engine spark); Docker: docker compose exec app npm run lab',
      ],
      ['lab:step-1', 'step 1: start Kafka and HDFS (docker-compose up -d)'],
      ['lab:step-2', 'step 2: create the events topic (kafka-topics --create)'],
      ['lab:step-3', 'step 3: run the game API in the background (flask run)'],
      ['lab:step-4', 'step 4: the kafkacat window, in the background (kafkacat -C -o beginning)'],
      ['lab:step-5', 'step 5: Apache Bench against every route (ab -n 10 -H "Host: …")'],
      ['lab:step-6', 'step 6: the separate_events job (spark-submit separate_events.py)'],
      ['lab:step-7', 'step 7: the just_filtering job (spark-submit just_filtering.py)'],
      ['lab:step-8', 'step 8: the filtered_writes job, Parquet to HDFS (spark-submit filtered_writes.py)'],
      ['lab:step-9', 'step 9: list /tmp/ and /tmp/purchases/ (hadoop fs -ls)'],
      ['lab:step-10', 'step 10: the notebook, run headless with the tslab kernel'],
      ['lab:step-11', 'step 11: stop the API, the kcat window and the stack (docker-compose down)'],
    ],
  },
  {
    title: 'The stack',
    commands: [
      [
        'stack:up',
        'start the local stack (Kafka KRaft, HDFS NameNode + DataNode); -- --cluster: the cluster',
      ],
      ['stack:status', 'each daemon: PID, ports, healthy or not'],
      ['stack:logs', 'the last lines of each daemon log (-- kafka|namenode|datanode, --lines N)'],
      ['stack:down', 'stop the local stack by PID'],
      ['stack:reset', 'stop the stack and wipe its data (the cached jars stay)'],
      ['hadoop', "Hadoop's FsShell against the stack: npm run hadoop -- fs -ls /tmp/"],
    ],
  },
  {
    title: 'Notebooks',
    commands: [
      [
        'notebook',
        "JupyterLab with the lab's notebooks on 127.0.0.1 (token in the printed address; -- --classic: Notebook 7); Ctrl-C stops it",
      ],
      ['notebook:run', 'run a notebook headless with the tslab kernel and keep its outputs'],
      ['kernel:install', "set up the lab's Jupyter (first time) and install the tslab (TypeScript) kernel"],
      [
        'notebook:screenshot',
        'run both notebooks in JupyterLab in Chromium and save docs/images/notebook-jupyterlab.png',
      ],
    ],
  },
  {
    title: 'Grading',
    commands: [
      [
        'lab:grade',
        "grade the current state from its evidence; runs nothing (-- --json, --check ID: the assignment's checks)",
      ],
      [
        'assignment:start',
        "copy the course's starting point to assignment/: from then on the lab runs your programs",
      ],
    ],
  },
  {
    title: 'For developers: tests, benches, build',
    commands: [
      [
        'test',
        'install the test tools when missing, then typecheck, lint, build, unit and integration tests',
      ],
      ['test:unit', 'the unit tests (no services)'],
      ['test:integration', 'the integration tests (starts the stack when it is down, stops it after)'],
      ['test:hostile', 'the hostile-input suite alone, with its totals (docs/reliability.md)'],
      [
        'test:cluster',
        "the cluster's kill tests (docs/cluster.md); starts the cluster when it is down, stops it after",
      ],
      [
        'test:fuzz',
        'the long run of the record and game API properties (-- --runs N, --requests N, --seed N; docs/reliability.md)',
      ],
      ['test:node24', 'the unit and notebook tests again on Node.js 24 (from the npm registry, cached)'],
      ['bench:api', 'the game API against a bare node:http server, ab side by side, nothing lost'],
      [
        'bench:notebook',
        "the notebook's cells on 1M rows as a fresh process (-- --rows N, --spark: against PySpark + pandas)",
      ],
      ['bench:extract', 'filtered_writes on 100k and 1M events (-- --events N, --spark: against PySpark)'],
      ['build', 'compile the library to dist/ (the notebooks import it)'],
      ['typecheck', 'tsc --noEmit'],
      ['lint', 'eslint and prettier --check'],
      ['format', 'prettier --write'],
      ['help', 'this list'],
    ],
  },
];

/** Every line of every group. */
export const HELP = HELP_GROUPS.flatMap((group) => group.commands);

export function npmScripts(): string[] {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return Object.keys(pkg.scripts);
}

runMain(
  import.meta.url,
  { command: 'npm run help', summary: "Lists the lab's commands, one line each." },
  () => {
    const width = Math.max(...HELP.map(([script]) => script.length));
    console.log('npm run <command>   (arguments after --, e.g. npm run lab -- --dry-run)');
    for (const { title, commands } of HELP_GROUPS) {
      console.log(`\n${title}`);
      for (const [script, line] of commands) console.log(`  ${script.padEnd(width)}  ${line}`);
    }
  },
);
