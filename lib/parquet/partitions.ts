// Spark's partitioned layout, `df.write.partitionBy(column).parquet(dir)`: a folder `column=value` per
// value, the value escaped as Spark escapes path names (ExternalCatalogUtils.escapePathName: %XX for
// the characters a path or a Hive partition spec cannot hold, and NUL, which no HDFS path holds), null
// and '' as __HIVE_DEFAULT_PARTITION__. The column itself is left out of the files: the folder names it.

export const DEFAULT_PARTITION = '__HIVE_DEFAULT_PARTITION__';

// eslint-disable-next-line no-control-regex -- Spark escapes the control characters too
const ESCAPED = /[\u0000-\u001f"#%'*/:=?\\\u007f{[\]^]/g;

/** `event_type=purchase_sword` for ('event_type', 'purchase_sword'). */
export function partitionFolder(column: string, value: string | null): string {
  const escape = (text: string) =>
    text.replace(ESCAPED, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `${escape(column)}=${value === null || value === '' ? DEFAULT_PARTITION : escape(value)}`;
}

/** The column and value a `column=value` folder stands for; null for any other name. */
export function parsePartitionFolder(name: string): { column: string; value: string | null } | null {
  const at = name.indexOf('=');
  if (at <= 0) return null;
  const unescape = (text: string) =>
    text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const value = name.slice(at + 1);
  return { column: unescape(name.slice(0, at)), value: value === DEFAULT_PARTITION ? null : unescape(value) };
}
