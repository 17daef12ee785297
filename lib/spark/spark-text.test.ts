import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSchemaFields, parseShowTables, SCHEMA_MISMATCH, showCell, sparkFailure } from './spark-text.js';

// printed by spark-submit labs/spark/just_filtering.py (Spark 3.5.7), cut to two rows
const JUST_FILTERING = `root
 |-- timestamp: string (nullable = true)
 |-- event_type: string (nullable = true)
 |-- Host: string (nullable = true)

+--------------------+--------------+-----------------+
|           timestamp|    event_type|             Host|
+--------------------+--------------+-----------------+
|2026-11-29 11:59:...|purchase_sword|user1.comcast.com|
|2026-11-29 11:59:...|purchase_sword|             null|
+--------------------+--------------+-----------------+
`;

describe('Spark > what Spark printed', () => {
  it('reads printSchema() fields and show() tables back', () => {
    assert.deepEqual(parseSchemaFields(JUST_FILTERING), ['timestamp', 'event_type', 'Host']);
    const [table] = parseShowTables(JUST_FILTERING);
    assert.deepEqual(table.columns, ['timestamp', 'event_type', 'Host']);
    assert.deepEqual(table.rows[1], ['2026-11-29 11:59:...', 'purchase_sword', 'null']);
  });

  it('renders a value as show() does: null, and more than 20 characters cut to 17 and ...', () => {
    assert.equal(showCell(null), 'null');
    assert.equal(showCell('2026-11-29 11:59:01.123'), '2026-11-29 11:59:...');
    assert.equal(showCell('12345678901234567890'), '12345678901234567890', '20 characters stay');
  });

  it("finds the Java exception a PySpark program died of, and the walkthrough's schema warning", () => {
    const stdout = [
      'Traceback (most recent call last):',
      'py4j.protocol.Py4JJavaError: An error occurred while calling o63.showString.',
      ": org.apache.spark.SparkException: Job aborted due to stage failure: java.lang.IllegalStateException: Input row doesn't have expected number of values required by the schema. 6 fields are required while 7 values are provided.",
      '\tat org.apache.spark.sql.errors...',
    ].join('\n');
    assert.match(sparkFailure(stdout) ?? '', /^py4j.*\n: org\.apache\.spark\.SparkException: Job aborted/);
    assert.deepEqual(SCHEMA_MISMATCH.exec(stdout)?.slice(1), ['6', '7']);
    assert.equal(sparkFailure('all fine'), undefined);
  });
});
