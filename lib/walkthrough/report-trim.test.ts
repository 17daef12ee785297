import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { trimOutput, trimTables } from './report-trim.js';

describe('Walkthrough > report > trimOutput', () => {
  it('keeps short outputs whole', () => {
    assert.equal(trimOutput('a\nb', 2, 1), 'a\nb');
  });
  it('keeps the head and tail of long outputs and counts what it left out', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const trimmed = trimOutput(lines, 3, 2).split('\n');
    assert.deepEqual(trimmed, ['line 0', 'line 1', 'line 2', '… 95 lines omitted …', 'line 98', 'line 99']);
  });
});

describe('Walkthrough > report > trimTables', () => {
  const table = (rows: number, label = 'moe') => [
    '+------+----+',
    '|Accept|Host|',
    '+------+----+',
    ...Array.from({ length: rows }, (_, i) => `|   */*|${label}${i}|`),
    '+------+----+',
  ];

  it("keeps a show() table's header and first rows, and counts the rows it left out", () => {
    const output = ["event_type == 'default' (10 rows):", ...table(10), '', 'summary: read 10'].join('\n');
    assert.deepEqual(trimTables(output, 3).split('\n'), [
      "event_type == 'default' (10 rows):",
      '+------+----+',
      '|Accept|Host|',
      '+------+----+',
      '|   */*|moe0|',
      '|   */*|moe1|',
      '|   */*|moe2|',
      '… 7 lines omitted …',
      '+------+----+',
      '',
      'summary: read 10',
    ]);
  });

  it('cuts every table of an output on its own', () => {
    const output = [...table(6, 'a'), '', ...table(8, 'b')].join('\n');
    const lines = trimTables(output, 2).split('\n');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('… ')),
      ['… 4 lines omitted …', '… 6 lines omitted …'],
    );
    assert.ok(lines.includes('|   */*|a1|') && lines.includes('|   */*|b1|'), 'the first rows of both');
    assert.ok(!lines.includes('|   */*|a2|') && !lines.includes('|   */*|b2|'), 'not the later rows');
  });

  it('leaves a table whole when a cut would save less than two lines, and text without tables alone', () => {
    const small = table(4).join('\n');
    assert.equal(trimTables(small, 3), small);
    const text = 'root\n |-- Host: string (nullable = true)\n| not a table';
    assert.equal(trimTables(text, 1), text);
  });
});
