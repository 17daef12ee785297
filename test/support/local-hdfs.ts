// A local folder standing in for HDFS in unit tests of the notebook's readers (the same calls: stat,
// list, readFile); the integration tests run the readers against the real HDFS.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileStatus } from '../../lib/hdfs/hdfs-client.js';
import type { HdfsReader } from '../../lib/notebook/read-parquet.js';

export function localHdfs(root: string): HdfsReader {
  const status = async (path: string, name: string): Promise<FileStatus> => {
    const info = await stat(join(root, path));
    return {
      pathSuffix: name,
      type: info.isDirectory() ? 'DIRECTORY' : 'FILE',
      length: info.size,
      // the notebook's local copies are kept by path, length and this time
      modificationTime: info.mtimeMs,
    } as FileStatus;
  };
  return {
    stat: async (path) => status(path, '').catch(() => null),
    list: async (path) =>
      Promise.all((await readdir(join(root, path))).sort().map((name) => status(join(path, name), name))),
    readFile: async (path) => readFile(join(root, path)),
  };
}
