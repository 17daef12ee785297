import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstFailure } from './execute-notebook.js';

const notebook = (...cells: object[]) => JSON.stringify({ cells });
const code = (source: string, outputs: object[]) => ({ cell_type: 'code', source, outputs });

describe('Kernel setup > firstFailure', () => {
  it('is null when no cell wrote to stderr or failed', () => {
    const nb = notebook(
      { cell_type: 'markdown', source: '# hi' },
      code('1 + 1', [{ output_type: 'stream', name: 'stdout', text: '2\n' }]),
    );
    assert.equal(firstFailure(nb), null, 'a clean notebook');
  });
  it("reports tslab's failures, which arrive as stderr, with the cell's source", () => {
    const nb = notebook(
      code('const a = 1;', []),
      code('readParquet(dir)', [
        { output_type: 'stream', name: 'stderr', text: ['PrerequisiteError: ', '/x does not exist'] },
      ]),
    );
    assert.equal(
      firstFailure(nb),
      'code cell 2:\nreadParquet(dir)\n---\nPrerequisiteError: /x does not exist',
      'the failure',
    );
  });
  it('reports error outputs as name: value', () => {
    const nb = notebook(
      code('boom()', [{ output_type: 'error', ename: 'TypeError', evalue: 'boom is not a function' }]),
    );
    assert.match(firstFailure(nb) ?? '', /TypeError: boom is not a function$/, 'the error output');
  });
});
