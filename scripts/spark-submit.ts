// `spark-submit labs/spark/just_filtering.py` as the walkthrough typed it (bin/spark-submit; the steps put
// bin/ on PATH): the lab's PySpark with Spark's Kafka source (installed into .lab/ on first use), on the
// lab's configuration — KAFKA_BROKERS, EVENTS_TOPIC, HDFS_URI, and SPARK_MASTER as --master (local[*], or
// the cluster's master with --cluster).
import { runMain, UsageError } from '../lib/cli.js';
import { sparkSubmit } from '../lib/spark/submit.js';

runMain(
  import.meta.url,
  {
    command: 'spark-submit',
    summary: "Runs one of the walkthrough's PySpark programs (labs/spark/*.py) with the lab's Spark.",
    positionals: '<program.py>',
    passThrough: true,
  },
  async ({ positionals: [program, ...rest] }) => {
    if (!program?.endsWith('.py') || rest.length > 0) {
      throw new UsageError(
        'spark-submit takes one program, e.g. `spark-submit labs/spark/just_filtering.py`',
      );
    }
    const { exitCode } = await sparkSubmit(program, {
      onLine: (line, stream) => (stream === 'stdout' ? process.stdout : process.stderr).write(`${line}\n`),
    });
    return exitCode ?? 1;
  },
);
