import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { printSchemaString, SchemaUnion } from './schema.js';

const inferSchema = (rows: Record<string, unknown>[]) => {
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
    const [field] = inferSchema([{ a: 1 }]);
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
    union.add({ b: 1 });
    union.add({ a: 1, b: 2 });
    assert.deepEqual(union.columns(), ['a', 'b'], 'sorted union so far');
  });
});
