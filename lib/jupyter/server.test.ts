import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { notebookPath } from './server.js';

describe('Jupyter > server > where a notebook opens', () => {
  it("opens in JupyterLab's tree", () => {
    assert.equal(notebookPath('lab', 'querying-purchases.ipynb'), '/lab/tree/querying-purchases.ipynb');
  });
  it("opens on Notebook 7's own page", () => {
    assert.equal(notebookPath('notebook', 'querying-purchases.ipynb'), '/notebooks/querying-purchases.ipynb');
  });
  it('escapes what a URL cannot hold', () => {
    assert.equal(notebookPath('lab', 'my notebook.ipynb'), '/lab/tree/my%20notebook.ipynb');
  });
});
