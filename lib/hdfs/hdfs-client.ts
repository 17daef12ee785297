// HDFS through WebHDFS, with promises. The `webhdfs` package does the NameNode's own calls (status,
// listing, mkdirs, delete); this module adds the lab's error messages and what it lacks or gets wrong: a
// checked rename, writes and reads that reach the DataNode under the file's own name (the NameNode's
// redirect normalizes it: dataNodeUrl), streaming a local file up, a read that survives a dead DataNode.
import { createReadStream } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { Readable } from 'node:stream';
import webhdfs, { type WebHdfsClient, type WebHdfsFileStatus } from 'webhdfs';
import { loadConfig, type LabConfig } from '../config.js';
import { LabError, ServiceUnreachableError } from '../errors.js';
import { ReadFailure, readWithFailover } from './failover-read.js';
import { dataNodeUrl, remoteMessage } from './webhdfs-answers.js';

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
    await this.create(path, data, overwrite, 'write');
  }

  /** Streams a local file into HDFS without holding it in memory. */
  async upload(localPath: string, path: string, { overwrite = true } = {}): Promise<void> {
    await this.create(path, createReadStream(localPath), overwrite, 'upload');
  }

  /**
   * WebHDFS's CREATE in its two steps: the NameNode names a DataNode (noredirect=true), the DataNode takes
   * the bytes, sent to it under the file's own path (dataNodeUrl).
   */
  private async create(
    path: string,
    body: Buffer | string | Readable,
    overwrite: boolean,
    what: string,
  ): Promise<void> {
    const query = new URLSearchParams({
      op: 'CREATE',
      overwrite: String(overwrite),
      noredirect: 'true',
      'user.name': this.config.user,
    });
    const named = await this.request(what, path, `${this.endpoint}/webhdfs/v1${urlPath(path)}?${query}`, {
      method: 'PUT',
    });
    const { Location: location } = (await named.json()) as { Location: string };
    const { status, text } = await putToDataNode(dataNodeUrl(location, urlPath(path)), body).catch(
      (err: NodeJS.ErrnoException) => {
        throw this.explain(err, what, path);
      },
    );
    if (status < 200 || status > 299)
      throw new HdfsError(`HDFS ${what} ${path} refused: ${remoteMessage(text, `HTTP ${status}`)}`);
  }

  /** A WebHDFS call by fetch: unreachable → how to start HDFS; refused → HDFS's own message. */
  private async request(what: string, path: string, url: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    } catch (err) {
      const cause = (err as { cause?: NodeJS.ErrnoException }).cause;
      throw this.explain(Object.assign(new Error(String(err)), { code: cause?.code }), what, path);
    }
    if (response.ok) return response;
    throw new HdfsError(
      `HDFS ${what} ${path} refused: ${remoteMessage(await response.text(), `HTTP ${response.status}`)}`,
    );
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
    await this.request('rename', `${from} → ${to}`, `${this.endpoint}/webhdfs/v1${urlPath(from)}?${query}`, {
      method: 'PUT',
    });
  }
}

/**
 * A PUT of the bytes to a DataNode, by node:http: the DataNode answers `100 Continue` unasked before its
 * status, which fetch (undici) takes for a broken response.
 */
function putToDataNode(
  url: string,
  body: Buffer | string | Readable,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const put = httpRequest(
      url,
      { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, timeout: 30_000 },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      },
    );
    put.on('timeout', () =>
      put.destroy(Object.assign(new Error('no answer in 30 s'), { code: 'ETIMEDOUT' })),
    );
    put.on('error', reject);
    if (typeof body === 'string' || Buffer.isBuffer(body)) put.end(body);
    else {
      body.once('error', (err) => put.destroy(err));
      body.pipe(put);
    }
  });
}
