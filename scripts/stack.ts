// npm run stack:up | stack:down | stack:status | stack:reset | stack:logs [-- <daemon>] [--lines N] [--cluster]
// The local stack: real Apache Kafka (KRaft) and HDFS (NameNode + DataNode, WebHDFS) as JVM processes.
// With --cluster, the cluster beside it (docs/cluster.md): three Kafka nodes, a NameNode and three
// DataNodes, a Spark master and two workers, in .lab/cluster on ports of their own.
import { runMain, UsageError } from '../lib/cli.js';
import { clusterLayout, stackLayout } from '../lib/stack/layout.js';
import { stackDown, stackLogs, stackReset, stackStatus, stackUp } from '../lib/stack/stack.js';

const log = (line: string) => console.log(line);

runMain(
  import.meta.url,
  {
    command: 'tsx scripts/stack.ts',
    summary:
      'The local stack (Kafka in KRaft mode, HDFS NameNode + DataNode) as JVM processes, or the cluster: up, down, status, reset, logs.',
    positionals: 'up|down|status|reset|logs [daemon]',
    options: {
      cluster: {
        type: 'boolean',
        help: 'the cluster (3 Kafka nodes, 3 DataNodes, Spark) instead of the single-node stack',
      },
      lines: { type: 'string', value: 'N', help: 'logs: how many lines of each log (default: 40)' },
    },
  },
  async ({ values, positionals: [command, daemon] }) => {
    const layout = values.cluster ? clusterLayout() : stackLayout();
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
        for (const [service, row] of new Map(rows.map((r) => [r.service, r]))) {
          console.log(`${row.serviceOk ? '✔' : '✘'} ${service}: ${row.serviceHealth}`);
        }
        return rows.every((r) => r.healthy && r.serviceOk) ? 0 : 3;
      }
      default:
        throw new UsageError(command ? `unknown command ${command}` : 'which command?');
    }
  },
);
