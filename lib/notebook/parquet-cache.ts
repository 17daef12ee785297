// Local copies of the Parquet parts readParquet fetched from HDFS: DuckDB reads local files, and the
// views registerTable makes read them again at every query, so they live as long as the process. One
// folder per process under the system's temporary folder, removed when the process exits (a killed
// kernel leaves it behind: `notebook-parquet-*`). A part is fetched once per version (path, size, time).
import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { access, mkdtemp, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let folder: Promise<string> | undefined;

function cacheFolder(): Promise<string> {
  folder ??= mkdtemp(join(tmpdir(), 'notebook-parquet-')).then((path) => {
    process.once('exit', () => rmSync(path, { recursive: true, force: true }));
    return path;
  });
  return folder;
}

export interface PartVersion {
  path: string;
  length: number;
  modificationTime?: number;
}

/** The local file holding `part`, fetched with `fetch` unless this process already has that version. */
export async function localCopy(part: PartVersion, fetch: () => Promise<Buffer>): Promise<string> {
  const key = createHash('sha256')
    .update(`${part.path}\0${part.length}\0${part.modificationTime ?? ''}`)
    .digest('hex');
  const file = join(await cacheFolder(), `${key.slice(0, 32)}.parquet`);
  const cached = await access(file).then(
    () => true,
    () => false,
  );
  if (!cached) {
    // written aside and renamed: a reader never sees half a file, two reads of one part never clash
    const partial = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(partial, await fetch());
    await rename(partial, file);
  }
  return file;
}
