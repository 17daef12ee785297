#!/usr/bin/env tsx
// npm run stack:up | stack:down | stack:status | stack:reset | stack:logs [-- <daemon>] [--lines N] [--cluster]
// The local stack: real Apache Kafka (KRaft) and HDFS (NameNode + DataNode, WebHDFS) as JVM processes.
// With --cluster, the cluster beside it (docs/cluster.md): three Kafka nodes, a NameNode and three
// DataNodes, a Spark master and two workers, in .lab/cluster on ports of their own.
import { argv } from 'zx';
import { describeError } from '../lib/errors.js';
import { clusterLayout, stackLayout } from '../lib/stack/layout.js';
import { stackDown, stackLogs, stackReset, stackStatus, stackUp } from '../lib/stack/stack.js';

const log = (line: string) => console.log(line);

async function main(command: string): Promise<number> {
  const layout = argv.cluster ? clusterLayout() : stackLayout();
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
      console.log(stackLogs(layout, Number(argv.lines ?? 40), argv._[1]));
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
      console.error('usage: tsx scripts/stack.ts up|down|status|reset|logs [daemon] [--lines N] [--cluster]');
      return 2;
  }
}

main(String(argv._[0] ?? '')).then(
  (code) => process.exit(code),
  (err) => {
    console.error(describeError(err));
    process.exit(1);
  },
);
