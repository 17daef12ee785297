import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeCells, firstFailure, hasChart } from './executed-notebook.js';

const notebook = (...cells: object[]) => JSON.stringify({ cells });
const code = (source: string | string[], outputs: object[], execution_count: number | null = null) => ({
  cell_type: 'code',
  execution_count,
  source,
  outputs,
});

describe('Jupyter > executed notebook', () => {
  const nb = notebook(
    { cell_type: 'markdown', source: ['# title'] },
    code(
      ['purchases', '.show()'],
      [{ output_type: 'stream', name: 'stdout', text: ['+----+\n', '|Host|\n'] }],
    ),
    code('count(x)', [{ output_type: 'execute_result', data: { 'text/plain': '10' } }], 2),
    code('chart()', [{ output_type: 'display_data', data: { 'image/svg+xml': ['<svg', '/>'] } }]),
  );

  it('reads each code cell’s source and text output, numbered from 1', () => {
    assert.deepEqual(
      codeCells(nb).map((c) => [c.number, c.source, c.text, c.failure]),
      [
        [1, 'purchases.show()', '+----+\n|Host|\n', null],
        [2, 'count(x)', '10', null],
        [3, 'chart()', '', null],
      ],
    );
  });

  it("reads each cell's prompt number, null for a cell not run", () => {
    assert.deepEqual(
      codeCells(nb).map((c) => c.executionCount),
      [null, 2, null],
      'execution counts',
    );
  });

  it('sees the chart', () => {
    assert.equal(hasChart(codeCells(nb)), true, 'an SVG output');
    assert.equal(hasChart(codeCells(notebook(code('1', [])))), false, 'no image');
  });

  it('has no failure when no cell wrote to stderr or failed', () => {
    assert.equal(firstFailure(nb), null);
  });

  it("reports tslab's failures, which arrive as stderr, with the cell's source", () => {
    const failed = notebook(
      code('const a = 1;', []),
      code('readParquet(dir)', [
        { output_type: 'stream', name: 'stderr', text: ['PrerequisiteError: ', '/x does not exist'] },
      ]),
    );
    assert.equal(
      firstFailure(failed),
      'code cell 2:\nreadParquet(dir)\n---\nPrerequisiteError: /x does not exist',
    );
    assert.equal(codeCells(failed)[1].text, '', 'stderr is not part of the text output');
  });

  it('reports error outputs as name: value', () => {
    const failed = notebook(
      code('boom()', [{ output_type: 'error', ename: 'TypeError', evalue: 'boom is not a function' }]),
    );
    assert.match(firstFailure(failed) ?? '', /TypeError: boom is not a function$/);
  });
});
