// The cells of notebooks/querying-purchases.ipynb as one fresh process, each timed: the same library
// calls in the same order, printing what the cells print. `npm run bench:notebook` runs it under GNU
// time (scripts/bench/notebook.ts); notebook_spark.py is its PySpark counterpart, with the same
// `bench-cell <name> <ms>` lines. Outside a kernel the chart is made as SVG text (countChartSvg):
// display.svg() needs tslab's kernel, and its cost is writing the text out.
//   node --import tsx scripts/bench/notebook-cells.ts <hdfs dir>
import { performance } from 'node:perf_hooks';

console.log(`bench-timing started ${Date.now()}`);
const dir = process.argv[2];

async function cell<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await run();
  // the process's peak RSS so far (KB), to see which cell raises it
  console.log(
    `bench-cell ${name} ${(performance.now() - started).toFixed(1)} ${process.resourceUsage().maxRSS}`,
  );
  return value;
}

const nb = await cell('import', () => import('../../lib/notebook/index.js'));
const purchases = await cell('read', async () => {
  const table = await nb.readParquet(dir);
  nb.printSchema(table);
  console.log(nb.count(table));
  return table;
});
await cell('show', () => nb.show(purchases));
await cell('register', () => nb.registerTable('purchases', purchases));
const byExample = await cell('query', async () => {
  const table = await nb.sql("select * from purchases where Host = 'user1.comcast.com'");
  console.log(nb.count(table));
  return table;
});
await cell('show-query', () => nb.show(byExample));
const df = await cell('to-frame', () => {
  const frame = nb.toDanfo(byExample);
  console.log(frame.shape);
  return frame;
});
await cell('describe', () => {
  console.log(`bench-describe-begin\n${nb.describe(df).toString()}\nbench-describe-end`);
});
await cell('chart', async () => {
  console.log(
    `chart: ${(await nb.countChartSvg(purchases, 'Host', { title: 'Purchases per Host' })).length} characters of SVG`,
  );
});
// As the kernel's shutdown does: exit now, whatever DuckDB or danfo still hold.
process.exit(0);
