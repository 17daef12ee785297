import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths.js';
import { PYSPARK, pysparkEnv } from './pyspark.js';

describe('Stack > pyspark > pysparkEnv', () => {
  const env = pysparkEnv({
    PATH: '/usr/bin',
    SPARK_HOME: '/opt/other-spark',
    SPARK_CONF_DIR: '/opt/other-spark/conf',
    PYSPARK_DRIVER_PYTHON: 'jupyter',
    HOME: '/home/student',
  });

  it("activates the lab's virtualenv, so Spark's launchers find its Spark and its python", () => {
    assert.equal(PYSPARK.venv, join(REPO_ROOT, '.lab', 'pyspark-venv'));
    assert.equal(env.PATH, `${join(PYSPARK.venv, 'bin')}:/usr/bin`, 'the venv first on PATH');
    assert.equal(env.VIRTUAL_ENV, PYSPARK.venv);
    assert.equal(env.PYSPARK_PYTHON, join(PYSPARK.venv, 'bin', 'python'), 'driver and executors');
  });

  it("drops the user's settings that would point at another Spark or python, and keeps the rest", () => {
    for (const name of ['SPARK_HOME', 'SPARK_CONF_DIR', 'PYSPARK_DRIVER_PYTHON']) {
      assert.equal(env[name], undefined, name);
    }
    assert.equal(env.HOME, '/home/student');
  });
});
