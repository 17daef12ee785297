// HDFS through WebHDFS, with promises. The `webhdfs` package does the HTTP (including the NameNode →
// DataNode redirect); this module adds the lab's error messages and the few operations it lacks
// (recursive listing, a checked rename, streaming a local file up, a read that survives a dead DataNode).
import { createReadStream } from 'node:fs';
import webhdfs, { type WebHdfsClient, type WebHdfsFileStatus } from 'webhdfs';
import { loadConfig, type LabConfig } from '../config.js';
import { LabError, ServiceUnreachableError } from '../errors.js';
import { ReadFailure, readWithFailover } from './failover-read.js';

export type FileStatus = WebHdfsFileStatus;

export class HdfsError extends LabError {}

/**
 * webhdfs puts the path into the URL as it is; a space or a non-ASCII name must be percent-encoded there.
 * (rename's destination travels in the query string, which webhdfs encodes itself.)
 */
const urlPath = (path: string) => encodeURI(path);

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'ETIMEDOUT']);

export class HdfsClient {
  private readonly client: WebHdfsClient;
  readonly endpoint: string;

  constructor(readonly config: Pick<LabConfig['hdfs'], 'host' | 'port' | 'user'> = loadConfig().hdfs) {
    this.endpoint = `http://${config.host}:${config.port}`;
    // A timeout so a hung NameNode fails the call instead of the lab.
    this.client = webhdfs.createClient(
      { host: config.host, port: config.port, path: '/webhdfs/v1', user: config.user },
      { timeout: 30_000 },
    );
  }

  private call<T>(
    what: string,
    path: string,
    run: (done: (err: Error | null, value?: T) => void) => void,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      run((err, value) => (err ? reject(this.explain(err, what, path)) : resolve(value as T)));
    });
  }

  private explain(err: Error, what: string, path: string): Error {
    const code = (err as NodeJS.ErrnoException).code;
    if (code && NETWORK_CODES.has(code)) {
      return new ServiceUnreachableError(
        `HDFS (WebHDFS) is not reachable at ${this.endpoint} (${code} during ${what} ${path})`,
        'run `npm run stack:up` (or check WEBHDFS_HOST / WEBHDFS_PORT)',
      );
    }
    return new HdfsError(`HDFS ${what} ${path} failed: ${err.message}`);
  }

  /** The file's status, or null when there is nothing at `path`. */
  async stat(path: string): Promise<FileStatus | null> {
    try {
      return await this.call<FileStatus>('stat', path, (done) => this.client.stat(urlPath(path), done));
    } catch (err) {
      if (err instanceof HdfsError && /File does not exist/i.test(err.message)) return null;
      throw err;
    }
  }

  async exists(path: string): Promise<boolean> {
    return (await this.stat(path)) !== null;
  }

  /** Entries of a directory, sorted by name (as `hadoop fs -ls` prints them). */
  async list(path: string): Promise<FileStatus[]> {
    const entries = await this.call<FileStatus[]>('list', path, (done) =>
      this.client.readdir(urlPath(path), done),
    );
    return [...entries].sort((a, b) => a.pathSuffix.localeCompare(b.pathSuffix));
  }

  async mkdirs(path: string): Promise<void> {
    await this.call('mkdirs', path, (done) => this.client.mkdir(urlPath(path), undefined, done));
  }

  async writeFile(path: string, data: Buffer | string, { overwrite = true } = {}): Promise<void> {
    await this.call('write', path, (done) => this.client.writeFile(urlPath(path), data, { overwrite }, done));
  }

  /** Streams a local file into HDFS without holding it in memory. */
  async upload(localPath: string, path: string, { overwrite = true } = {}): Promise<void> {
    const remote = this.client.createWriteStream(urlPath(path), false, { overwrite });
    const local = createReadStream(localPath);
    // webhdfs signals the end of the DataNode upload with 'finish' (and 'error' before it on failure).
    // Plain pipe(), as webhdfs expects: it ends its first request at once and pipes the paused source
    // into the redirected one later. stream.pipeline took that first end for the end of the pipe and
    // destroyed the source, so a small file's upload could hang, or leave Node with nothing to wait for.
    await new Promise<void>((resolve, reject) => {
      let failure: Error | undefined;
      local.once('error', (err) => reject(this.explain(err, 'upload', path)));
      remote.once('error', (err: Error) => (failure = this.explain(err, 'upload', path)));
      remote.once('finish', () => (failure ? reject(failure) : resolve()));
      local.pipe(remote);
    });
  }

  /** The whole file, from any DataNode holding it that answers (lib/hdfs/failover-read.ts). */
  async readFile(path: string): Promise<Buffer> {
    try {
      return await readWithFailover({ endpoint: this.endpoint, user: this.config.user }, urlPath(path));
    } catch (err) {
      if (err instanceof ReadFailure && err.where === 'datanode') {
        throw new ServiceUnreachableError(
          `HDFS read ${path} failed: no DataNode holding it answered (the last one: ${err.message})`,
          'see which DataNodes are down with `npm run stack:status` (`-- --cluster` for the cluster); `npm run stack:up` restarts them',
        );
      }
      // the NameNode unreachable, or an answer of HDFS's own (no such file …): as every other call says it
      throw err instanceof ReadFailure ? this.explain(err, 'read', path) : err;
    }
  }

  /** Removes a file or a directory tree; true when something was there. */
  async remove(path: string): Promise<boolean> {
    if (!(await this.exists(path))) return false;
    await this.call('delete', path, (done) => this.client.unlink(urlPath(path), true, done));
    return true;
  }

  /**
   * Writes `data` to `path` only if nothing is there: false when the path exists already (HDFS decides,
   * so of two writers racing for one path exactly one gets true).
   */
  async createExclusive(path: string, data: string): Promise<boolean> {
    try {
      await this.writeFile(path, data, { overwrite: false });
      return true;
    } catch (err) {
      // another writer's create of the same path is under way (HDFS's own file lease) or done
      if (
        err instanceof HdfsError &&
        /already exists|AlreadyBeingCreated|lease is currently owned/i.test(err.message)
      )
        return false;
      throw err;
    }
  }

  /**
   * Renames `from` to `to`, failing when `to` exists: WebHDFS's rename with `renameoptions=NONE` (HDFS's
   * rename2). The plain rename would move `from` INTO an existing directory `to` and answer 200.
   */
  async rename(from: string, to: string): Promise<void> {
    const query = new URLSearchParams({
      op: 'RENAME',
      destination: to,
      renameoptions: 'NONE',
      'user.name': this.config.user,
    });
    let response: Response;
    try {
      response = await fetch(`${this.endpoint}/webhdfs/v1${urlPath(from)}?${query}`, {
        method: 'PUT',
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      const cause = (err as { cause?: NodeJS.ErrnoException }).cause;
      throw this.explain(Object.assign(new Error(String(err)), { code: cause?.code }), 'rename', from);
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as {
        RemoteException?: { message?: string };
      } | null;
      const why = body?.RemoteException?.message ?? `HTTP ${response.status}`;
      throw new HdfsError(`HDFS rename ${from} → ${to} refused: ${why}`);
    }
  }
}
