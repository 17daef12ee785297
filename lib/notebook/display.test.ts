// Expected texts and HTML are pandas 3.1.1's own (repr(df), df._repr_html_(), df.shape) for the same frames.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { toDanfo } from './danfo.js';
import { frameForms } from './display.js';
import { columnTable } from './table.js';

// pd.DataFrame({'Host': ['a<b', 'x', None], 'n': [1, 2, 3], 'f': [1.5, 2.0, None]})
const small = columnTable(
  ['Host', 'n', 'f'],
  ['string', 'long', 'double'],
  [
    ['a<b', 'x', null],
    [1, 2, 3],
    [1.5, 2.0, null],
  ],
);
// pd.DataFrame({'n': range(70), 's': ['x'] * 70})
const big = columnTable(
  ['n', 's'],
  ['long', 'string'],
  [Array.from({ length: 70 }, (_, i) => i), Array.from({ length: 70 }, () => 'x')],
);

const PANDAS_STYLE = [
  '<div>',
  '<style scoped>',
  '    .dataframe tbody tr th:only-of-type {',
  '        vertical-align: middle;',
  '    }',
  '',
  '    .dataframe tbody tr th {',
  '        vertical-align: top;',
  '    }',
  '',
  '    .dataframe thead th {',
  '        text-align: right;',
  '    }',
  '</style>',
  '<table border="1" class="dataframe">',
  '  <thead>',
  '    <tr style="text-align: right;">',
  '      <th></th>',
];
const row = (label: string, ...cells: string[]) => [
  '    <tr>',
  `      <th>${label}</th>`,
  ...cells.map((cell) => `      <td>${cell}</td>`),
  '    </tr>',
];

describe('Notebook > display(df) as pandas shows a DataFrame', () => {
  it('prints the text form as repr(df)', () => {
    assert.equal(
      frameForms(toDanfo(small)).text,
      '  Host  n    f\n0  a<b  1  1.5\n1    x  2  2.0\n2  NaN  3  NaN',
    );
  });
  it('shows the HTML form as df._repr_html_(): class dataframe, thead, the index in <th>', () => {
    const expected = [
      ...PANDAS_STYLE,
      ...[
        '      <th>Host</th>',
        '      <th>n</th>',
        '      <th>f</th>',
        '    </tr>',
        '  </thead>',
        '  <tbody>',
      ],
      ...row('0', 'a&lt;b', '1', '1.5'),
      ...row('1', 'x', '2', '2.0'),
      ...row('2', 'NaN', '3', 'NaN'),
      ...['  </tbody>', '</table>', '</div>'],
    ];
    assert.equal(frameForms(toDanfo(small)).html, expected.join('\n'));
  });
  it('elides the rows of a long frame around a row of dots, with its dimensions', () => {
    const text = [
      '     n  s',
      ...[0, 1, 2, 3, 4].map((i) => `${i}    ${i}  x`),
      '..  .. ..',
      ...[65, 66, 67, 68, 69].map((i) => `${i}  ${i}  x`),
      '',
      '[70 rows x 2 columns]',
    ];
    const { text: printed, html } = frameForms(toDanfo(big));
    assert.equal(printed, text.join('\n'), 'text');
    const body = [0, 1, 2, 3, 4, '...', 65, 66, 67, 68, 69].flatMap((i) =>
      i === '...' ? row('...', '...', '...') : row(String(i), String(i), 'x'),
    );
    const expected = [
      ...PANDAS_STYLE,
      ...['      <th>n</th>', '      <th>s</th>', '    </tr>', '  </thead>', '  <tbody>'],
      ...body,
      ...['  </tbody>', '</table>', '<p>70 rows × 2 columns</p>', '</div>'],
    ];
    assert.equal(html, expected.join('\n'), 'html');
  });
  it('prints shape as pandas’ tuple, and it is still an array', () => {
    const shape = toDanfo(small).shape;
    assert.equal(inspect(shape), '(3, 3)', 'printed');
    assert.deepEqual([...shape], [3, 3], 'the numbers');
  });
});
