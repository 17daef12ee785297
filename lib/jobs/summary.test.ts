import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finishJob, summaryText, type JobSummary } from './summary.js';

const summary = (extra: Partial<JobSummary> = {}): JobSummary => ({
  job: 'just_filtering',
  topic: 'events',
  partitions: 1,
  read: 0,
  kept: 0,
  rejected: 0,
  rejects: [],
  columns: [],
  tables: [],
  ...extra,
});

describe('Jobs > summary', () => {
  it('says read, kept, rejected and written, then which records were rejected', () => {
    const text = summaryText(
      summary({
        job: 'filtered_writes',
        partitions: 2,
        read: 2,
        kept: 1,
        rejected: 1,
        rejects: [{ partition: 1, offset: '7', reason: 'not JSON' }],
        written: {
          dir: '/tmp/purchases',
          rows: 1,
          partFiles: ['part-00000-x-c000.snappy.parquet'],
          bytes: 9,
        },
      }),
    );
    assert.equal(
      text,
      'filtered_writes summary: read 2 records from topic events (2 partitions), kept 1, rejected 1, written 1 to /tmp/purchases\n' +
        'rejected records (skipped): partition 1 offset 7: not JSON',
    );
  });

  it('has one line when nothing was rejected', () => {
    assert.equal(
      summaryText(summary()),
      'just_filtering summary: read 0 records from topic events (1 partition), kept 0, rejected 0, written 0',
    );
  });

  it('says when a write had no rows', () => {
    const text = summaryText(summary({ written: { dir: '/tmp/p', rows: 0, partFiles: [], bytes: 0 } }));
    assert.match(text, /written 0 to \/tmp\/p \(no rows: _SUCCESS only\)$/);
  });

  it('lists 20 rejects and counts the rest', () => {
    const rejects = Array.from({ length: 20 }, (_, i) => ({
      partition: 0,
      offset: String(i),
      reason: 'not JSON',
    }));
    assert.match(summaryText(summary({ rejected: 25, rejects })), /offset 19: not JSON; and 5 more$/);
  });

  it('saves the summary as JSON for the grade only when LAB_RESULTS_DIR is set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-test-'));
    try {
      const printed: string[] = [];
      finishJob(summary({ read: 3 }), (t) => printed.push(t), { LAB_RESULTS_DIR: dir });
      assert.equal(JSON.parse(readFileSync(join(dir, 'just_filtering.json'), 'utf8')).read, 3, 'saved');
      assert.equal(printed.length, 1, 'printed once');
      finishJob(summary({ job: 'other' }), () => undefined, {});
      assert.throws(() => readFileSync(join(dir, 'other.json')), 'nothing saved without the variable');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
