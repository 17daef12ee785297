// The parts of the `webhdfs` package (no published types) that the lab uses.
declare module 'webhdfs' {
  import type { Writable, Readable } from 'node:stream';

  export interface WebHdfsFileStatus {
    pathSuffix: string;
    type: 'FILE' | 'DIRECTORY' | 'SYMLINK';
    length: number;
    owner: string;
    group: string;
    permission: string;
    replication: number;
    blockSize: number;
    modificationTime: number;
    accessTime: number;
  }

  type Callback<T = void> = (err: Error | null, result?: T) => void;

  export interface WebHdfsClient {
    readdir(path: string, callback: Callback<WebHdfsFileStatus[]>): void;
    mkdir(path: string, mode: string | undefined, callback: Callback): void;
    rename(path: string, destination: string, callback: Callback): void;
    stat(path: string, callback: Callback<WebHdfsFileStatus>): void;
    writeFile(
      path: string,
      data: Buffer | string,
      opts: Record<string, unknown>,
      callback: Callback,
    ): Writable;
    readFile(path: string, callback: Callback<Buffer>): void;
    createWriteStream(path: string, append?: boolean, opts?: Record<string, unknown>): Writable;
    createReadStream(path: string, opts?: Record<string, unknown>): Readable;
    unlink(path: string, recursive: boolean, callback: Callback): void;
  }

  export function createClient(
    opts: { host: string; port: number; path: string; user?: string },
    requestParams?: Record<string, unknown>,
  ): WebHdfsClient;
}
