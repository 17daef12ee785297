// Where the walkthrough's commands run. The local stack (default): programs on this machine against the
// JVM services. LAB_STACK=compose: the same programs inside docker-compose.yml's containers, as the
// original lab ran them (`docker-compose exec mids ...`).
import type { LabConfig } from '../../lib/config.js';
import { relative } from 'node:path';
import type { BackgroundProgram } from '../../lib/process/background.js';
import { REPO_ROOT } from '../../lib/paths.js';
import type { Command } from './shell.js';

export interface LabTarget {
  /** a lab program, e.g. lab('create_topic') */
  lab(program: string, args?: string[]): Command;
  stack(action: 'up' | 'down'): Command;
  ab(host: string, path: string, requests: number): Command;
  kcatOnce(): Command;
  hadoopFs(args: string[]): Command;
  notebook(output: string): Command;
  /** programs the walkthrough leaves running between steps */
  background(name: 'game_api' | 'kafka_follower'): BackgroundProgram;
  /** the API as seen from this machine */
  apiUrl: string;
}

const tsx = (file: string, args: string[] = []) => ['npx', 'tsx', file, ...args];

function localTarget(config: LabConfig, runDir: string, hasKcat: boolean): LabTarget {
  const broker = config.kafka.brokers.join(',');
  const apiUrl = `http://${config.api.host === '0.0.0.0' ? '127.0.0.1' : config.api.host}:${config.api.port}`;
  return {
    lab: (program, args = []) => {
      const argv = tsx(`labs/${program}.ts`, args);
      return { display: argv.join(' '), argv };
    },
    stack: (action) => ({
      display: `npm run stack:${action}`,
      argv: ['npm', 'run', '-s', `stack:${action}`],
    }),
    ab: (host, path, requests) => {
      const argv = ['ab', '-n', String(requests), '-H', `Host: ${host}`, `${apiUrl}${path}`];
      return { display: `ab -n ${requests} -H "Host: ${host}" ${apiUrl}${path}`, argv };
    },
    kcatOnce: () =>
      hasKcat
        ? {
            display: `kcat -C -b ${broker} -t ${config.kafka.topic} -o beginning -e -q`,
            argv: ['kcat', '-C', '-b', broker, '-t', config.kafka.topic, '-o', 'beginning', '-e', '-q'],
          }
        : {
            display: 'npx tsx labs/consume_events.ts --exit',
            argv: tsx('labs/consume_events.ts', ['--exit']),
          },
    hadoopFs: (args) => ({
      display: `npm run hadoop -- fs ${args.join(' ')}`,
      argv: tsx('scripts/hadoop.ts', ['fs', ...args]),
    }),
    notebook: (output) => {
      // relative: the command runs in the repository, and reads the same in the report
      const argv = tsx('scripts/run-notebook.ts', ['--output', relative(REPO_ROOT, output)]);
      return { display: argv.join(' '), argv };
    },
    background: (name) =>
      name === 'game_api'
        ? {
            name,
            dir: runDir,
            cwd: REPO_ROOT,
            command: [process.execPath, '--import', 'tsx', 'labs/game_api.ts'],
          }
        : {
            name,
            dir: runDir,
            cwd: REPO_ROOT,
            // kcat -u: unbuffered, so the window fills as events arrive
            ...(hasKcat
              ? {
                  command: [
                    'kcat',
                    '-C',
                    '-u',
                    '-q',
                    '-b',
                    broker,
                    '-t',
                    config.kafka.topic,
                    '-o',
                    'beginning',
                    '-X',
                    'client.id=game-events-lab-follower',
                  ],
                }
              : {
                  command: [process.execPath, '--import', 'tsx', 'labs/consume_events.ts'],
                }),
          },
    apiUrl,
  };
}

/** In compose, commands run inside the containers, with the services' names as hosts. */
function composeTarget(config: LabConfig, runDir: string): LabTarget {
  const exec = (service: string, argv: string[]) => ['docker', 'compose', 'exec', '-T', service, ...argv];
  const local = localTarget(
    { ...config, kafka: { ...config.kafka, brokers: ['kafka:29092'] } },
    runDir,
    true,
  );
  const inApp = (command: Command): Command => ({
    display: `docker compose exec app ${command.display}`,
    argv: exec('app', command.argv),
  });
  return {
    lab: (program, args) => inApp(local.lab(program, args)),
    stack: (action) =>
      action === 'up'
        ? { display: 'docker compose up -d --wait', argv: ['docker', 'compose', 'up', '-d', '--wait'] }
        : { display: 'docker compose down', argv: ['docker', 'compose', 'down'] },
    ab: (host, path, requests) => {
      const url = `http://localhost:5000${path}`;
      return {
        display: `docker compose exec app ab -n ${requests} -H "Host: ${host}" ${url}`,
        argv: exec('app', ['ab', '-n', String(requests), '-H', `Host: ${host}`, url]),
      };
    },
    kcatOnce: () => inApp(local.kcatOnce()),
    hadoopFs: (args) => ({
      display: `docker compose exec namenode hadoop fs ${args.join(' ')}`,
      argv: exec('namenode', ['hadoop', 'fs', ...args]),
    }),
    notebook: (output) => {
      const command = local.notebook(output);
      return {
        display: `docker compose exec notebook ${command.display}`,
        argv: exec('notebook', command.argv),
      };
    },
    // `docker compose exec` in the foreground, kept by this machine: the process lives in the container,
    // its client here, so stopping the client by PID ends it.
    background: (name) => {
      const inner = local.background(name);
      const command = [
        'docker',
        'compose',
        'exec',
        '-T',
        'app',
        ...inner.command.map((a: string) => (a === process.execPath ? 'node' : a)),
      ];
      return { ...inner, command };
    },
    apiUrl: 'http://127.0.0.1:5000',
  };
}

export function labTarget(config: LabConfig, runDir: string, hasKcat: boolean): LabTarget {
  return config.stack === 'compose' ? composeTarget(config, runDir) : localTarget(config, runDir, hasKcat);
}
