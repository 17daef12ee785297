// What notebook cells import (compiled: `npm run build` → dist/lib/notebook/index.js; see docs/notebook.md).
export { readParquet } from './read-parquet.js';
export { readPartitioned } from './read-partitions.js';
export { show, printSchema, count } from './show.js';
export { registerTable, sql, SqlSession, SqlError } from './sql-session.js';
export { toDanfo } from './danfo.js';
export { describe, Description } from './describe.js';
export { display } from './display.js';
export { countChart, countChartSvg } from './chart.js';
export { seriesChart, seriesChartSvg } from './charts.js';
export { tableFromRows, type Table, type Row } from './table.js';
