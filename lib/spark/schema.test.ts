import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { printSchemaString, SchemaUnion } from './schema.js';

const inferSchema = (rows: Record<string, string | null>[]) => {
  const union = new SchemaUnion();
  for (const row of rows) union.add(row);
  return union.fields();
};

describe('Spark > schema', () => {
  it('sorts the fields as Spark 2 Row(**kwargs) did: by code point, capitals first', () => {
    const fields = inferSchema([
      { timestamp: 't', event_type: 'e', Host: 'h', 'User-Agent': 'u', Accept: 'a' },
    ]);
    assert.deepEqual(
      fields.map((f) => f.name),
      ['Accept', 'Host', 'User-Agent', 'event_type', 'timestamp'],
      'the walkthrough column order',
    );
  });

  it('is the union of the fields of every row', () => {
    const fields = inferSchema([
      { event_type: 'purchase_sword' },
      { event_type: 'purchase_knife', description: 'big' },
    ]);
    assert.deepEqual(
      fields.map((f) => f.name),
      ['description', 'event_type'],
      'description joins the union',
    );
  });

  it('makes every field a nullable string', () => {
    const [field] = inferSchema([{ a: '1' }]);
    assert.deepEqual(field, { name: 'a', type: 'string', nullable: true }, 'string, nullable');
  });

  it('has no fields for no rows', () => {
    assert.deepEqual(inferSchema([]), [], 'empty schema');
  });

  it('prints the tree Spark prints', () => {
    const text = printSchemaString(inferSchema([{ Accept: '*/*', Host: 'h' }]));
    assert.equal(
      text,
      'root\n |-- Accept: string (nullable = true)\n |-- Host: string (nullable = true)\n',
      'printSchema text',
    );
  });

  it('grows as rows stream in', () => {
    const union = new SchemaUnion();
    union.add({ b: '1' });
    union.add({ a: '1', b: '2' });
    assert.deepEqual(union.columns(), ['a', 'b'], 'sorted union so far');
  });

  it('keeps the first spelling of names equal without case, and puts later spellings under it', () => {
    const union = new SchemaUnion();
    const first = { event_type: 'e', host: 'a' };
    assert.equal(union.add(first), first, 'a row of known spellings is kept as it is');
    assert.deepEqual(
      union.add({ event_type: 'e', Host: 'b' }),
      { event_type: 'e', host: 'b' },
      'Host → host',
    );
    assert.deepEqual(
      union.add({ HOST: 'c', host: 'd' }),
      { host: 'd' },
      'two spellings in a row: the later wins',
    );
    assert.deepEqual(union.add({ '\u212a': 'kelvin', k: 'k' }), { '\u212a': 'k' }, 'the Kelvin sign meets k');
    assert.deepEqual(
      union.add({ ß: '1', SS: '2', İ: '3', 'i\u0307': '4' }),
      { ß: '1', SS: '2', İ: '3', 'i\u0307': '4' },
      'ß and SS, İ and i̇ stay apart (one character each way, as Java compares them)',
    );
    assert.deepEqual(
      union.columns(),
      ['SS', 'event_type', 'host', 'i\u0307', 'ß', 'İ', '\u212a'],
      'the columns',
    );
  });

  it('keeps a field named __proto__ a field when it respells a row', () => {
    const union = new SchemaUnion();
    union.add({ A: '1' });
    const row = JSON.parse('{"a": "2", "__proto__": "3"}') as Record<string, string>;
    const respelled = union.add(row);
    assert.deepEqual(Object.keys(respelled), ['A', '__proto__'], 'both fields, as own fields');
    assert.equal(Object.getPrototypeOf(respelled), Object.prototype, 'the prototype untouched');
  });
});
