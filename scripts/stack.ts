// npm run stack:up | stack:down | stack:status | stack:reset | stack:logs [-- <daemon>] [--lines N]
// The local stack: real Apache Kafka (KRaft) and HDFS (NameNode + DataNode, WebHDFS) as JVM processes.
import { runMain, UsageError } from '../lib/cli.js';
import { stackLayout } from '../lib/stack/layout.js';
import { stackDown, stackLogs, stackReset, stackStatus, stackUp } from '../lib/stack/stack.js';

const log = (line: string) => console.log(line);

runMain(
  import.meta.url,
  {
    command: 'tsx scripts/stack.ts',
    summary:
      'The local stack (Kafka in KRaft mode, HDFS NameNode + DataNode) as JVM processes: up, down, status, reset, logs.',
    positionals: 'up|down|status|reset|logs [kafka|namenode|datanode]',
    options: {
      lines: { type: 'string', value: 'N', help: 'logs: how many lines of each log (default: 40)' },
    },
  },
  async ({ values, positionals: [command, daemon] }) => {
    const layout = stackLayout();
    switch (command) {
      case 'up':
        await stackUp(layout, log);
        return 0;
      case 'down':
        await stackDown(layout, log);
        return 0;
      case 'reset':
        await stackReset(layout, log);
        return 0;
      case 'logs':
        console.log(stackLogs(layout, Number(values.lines ?? 40), daemon));
        return 0;
      case 'status': {
        const rows = await stackStatus(layout);
        console.table(
          rows.map((r) => ({
            daemon: r.daemon,
            pid: r.pid ?? '-',
            state: r.state,
            ports: r.ports,
            healthy: r.healthy ? '✔ yes' : '✘ no',
            detail: r.health,
          })),
        );
        return rows.every((r) => r.healthy) ? 0 : 3;
      }
      default:
        throw new UsageError(command ? `unknown command ${command}` : 'which command?');
    }
  },
);
