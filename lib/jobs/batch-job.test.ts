import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { EventExtractor } from '../events/extract.js';
import { jobOptions, ShowSample, summaryText } from './batch-job.js';
import { sparkPartFileName } from './filtered-writes.js';

const config = loadConfig({});
const read = (partitions: number) => ({
  topic: 'events',
  records: 0,
  ranges: Array.from({ length: partitions }, (_, p) => ({ partition: p, low: 0n, high: 0n })),
});

describe('Jobs > options', () => {
  it('defaults to the configured topic and /tmp/purchases', () => {
    const options = jobOptions([], config);
    assert.deepEqual([options.topic, options.output], ['events', '/tmp/purchases'], 'defaults');
  });

  it('takes --topic, and --output and --writer for a job that writes', () => {
    const options = jobOptions(
      ['--topic', 't1', '--output', '/tmp/x', '--writer', 'parquetjs-lite'],
      config,
      { writes: true },
    );
    assert.deepEqual(
      [options.topic, options.output, options.writer],
      ['t1', '/tmp/x', 'parquetjs-lite'],
      'options',
    );
  });

  it('refuses --output for a job that only prints', () => {
    assert.throws(
      () => jobOptions(['--output', '/tmp/x'], config),
      (err: Error) => err instanceof ConfigError,
      'no --output',
    );
  });

  it('refuses an unknown option', () => {
    assert.throws(
      () => jobOptions(['--nope'], config),
      (err: Error) => err instanceof ConfigError && /--nope/.test(err.message),
      'strict parsing',
    );
  });
});

describe('Jobs > show sample', () => {
  it('keeps the first 21 rows only', () => {
    const sample = new ShowSample();
    for (let i = 0; i < 100; i++) sample.add({ i: String(i) });
    assert.deepEqual([sample.rows.length, sample.rows[20].i], [21, '20'], 'first 21');
  });
});

describe('Jobs > summary', () => {
  it('says read, kept, rejected and written, then which records were rejected', () => {
    const extractor = new EventExtractor({ timeZone: 'UTC' });
    extractor.extract({ partition: 0, offset: '0', value: '{"event_type":"default"}', timestamp: '0' });
    extractor.extract({ partition: 1, offset: '7', value: 'oops', timestamp: '0' });
    assert.equal(
      summaryText({
        job: 'filtered_writes',
        read: read(2),
        extractor,
        written: 1,
        destination: '/tmp/purchases',
      }),
      'filtered_writes summary: read 2 records from topic events (2 partitions), kept 1, rejected 1, written 1 to /tmp/purchases\n' +
        'rejected records (skipped): partition 1 offset 7: not JSON',
      'summary text',
    );
  });

  it('has one line when nothing was rejected', () => {
    const text = summaryText({
      job: 'just_filtering',
      read: read(1),
      extractor: new EventExtractor(),
      written: 0,
    });
    assert.equal(
      text,
      'just_filtering summary: read 0 records from topic events (1 partition), kept 0, rejected 0, written 0',
      'one line',
    );
  });
});

describe('Jobs > part file name', () => {
  it("follows Spark's part-00000-<uuid>-c000.snappy.parquet", () => {
    assert.equal(sparkPartFileName('1234'), 'part-00000-1234-c000.snappy.parquet', 'name');
  });
});
