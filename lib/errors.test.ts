import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { format, inspect } from 'node:util';
import { ConfigError, describeError, PrerequisiteError } from './errors.js';

describe('Errors > LabError', () => {
  const err = new PrerequisiteError('/tmp/x does not exist in HDFS', 'write it first');

  it('prints as its name, message and hint, without stack frames (what a notebook cell shows)', () => {
    assert.equal(
      inspect(err),
      'PrerequisiteError: /tmp/x does not exist in HDFS\n  → write it first',
      'inspect',
    );
    assert.equal(format(err), inspect(err), 'console.error(err) prints the same');
  });
  it('prints the message alone when there is no hint', () => {
    assert.equal(inspect(new ConfigError('bad')), 'ConfigError: bad', 'no hint line');
  });
  it('keeps its stack for debugging', () => {
    assert.match(err.stack ?? '', /\n\s+at /, 'stack frames');
  });
  it('is described for the command line as message and hint', () => {
    assert.equal(describeError(err), '/tmp/x does not exist in HDFS\n  → write it first', 'describeError');
  });
  it('describes a bug with its stack', () => {
    assert.match(describeError(new TypeError('boom')), /^TypeError: boom\n\s+at /, 'stack trace');
  });
});
