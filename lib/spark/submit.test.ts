import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths.js';
import { sparkSubmitArgs } from './submit.js';

describe('Spark > submit > arguments', () => {
  it('names the master, hands over the Kafka source jars, then the program from the repository', () => {
    assert.deepEqual(
      sparkSubmitArgs('labs/spark/filtered_writes.py', 'spark://127.0.0.1:17077', ['/j/a.jar', '/j/b.jar']),
      [
        '--master',
        'spark://127.0.0.1:17077',
        '--jars',
        '/j/a.jar,/j/b.jar',
        join(REPO_ROOT, 'labs', 'spark', 'filtered_writes.py'),
      ],
    );
  });

  it('passes settings as --conf key=value before the program, and an absolute program as it is', () => {
    const args = sparkSubmitArgs('/tmp/job.py', 'local[*]', ['/j/a.jar'], { 'spark.ui.port': '4050' });
    assert.deepEqual(args.slice(4), ['--conf', 'spark.ui.port=4050', '/tmp/job.py']);
  });
});
