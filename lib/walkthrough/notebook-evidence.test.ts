import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { describeCounts, notebookEvidence } from './notebook-evidence.js';

describe('Walkthrough > notebook evidence', () => {
  const notebook = JSON.stringify({
    cells: [
      { cell_type: 'markdown', source: ['# title'] },
      {
        cell_type: 'code',
        source: ['purchases', '.show()'],
        outputs: [{ output_type: 'stream', name: 'stdout', text: ['+----+\n', '|Host|\n'] }],
      },
      {
        cell_type: 'code',
        source: 'chart()',
        outputs: [{ output_type: 'display_data', data: { 'image/svg+xml': '<svg/>' } }],
      },
      {
        cell_type: 'code',
        source: 'x.y',
        outputs: [{ output_type: 'error', ename: 'TypeError', evalue: 'x is undefined', traceback: [] }],
      },
    ],
  });

  it('collects each code cell’s text, the errors and whether a chart was drawn', () => {
    const evidence = notebookEvidence(notebook);
    assert.deepEqual(evidence.cells, [
      { source: 'purchases.show()', text: '+----+\n|Host|\n' },
      { source: 'chart()', text: '' },
      { source: 'x.y', text: '' },
    ]);
    assert.deepEqual(evidence.errors, ['TypeError: x is undefined']);
    assert.equal(evidence.hasChart, true);
  });

  it('reads the count row of a pandas describe() table', () => {
    const table = [
      '       Accept               Host      User-Agent      event_type                timestamp',
      'count      10                 10              10              10                       10',
      'unique      1                  1               1               1                       10',
      'top       */*  user1.comcast.com ApacheBench/2.3  purchase_sword  2026-11-28 10:00:00.001',
      'freq       10                 10              10              10                        1',
    ].join('\n');
    assert.deepEqual(describeCounts(table), {
      Accept: 10,
      Host: 10,
      'User-Agent': 10,
      event_type: 10,
      timestamp: 10,
    });
    assert.equal(describeCounts('count 3'), undefined, 'not a describe table');
  });
});
