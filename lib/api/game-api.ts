// The HTTP side of game_api.py on express: Flask's `@app.route(path)` (a handler returns the response
// text), Flask's 404 and 405, one Werkzeug access-log line per request, /healthz, and the server's life
// (listen with a clear message when the port is taken; a shutdown that answers every accepted request
// first). Kept lean because it sits in every request's path: no ETag hashing, no X-Powered-By, no query
// parsing, each distinct response prepared once, requests and responses born with express's prototypes.
import { once } from 'node:events';
import { createServer, IncomingMessage, ServerResponse, STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import express from 'express';
import { ConfigError, ServiceUnreachableError } from '../errors.js';
import { AccessLog } from './access-log.js';

/** A route's handler: logs its event to Kafka, then returns the text Flask would return. */
export type RouteHandler = (request: IncomingMessage) => Promise<string>;

export interface GameApiOptions {
  log: AccessLog;
  /** whether a send would succeed now, for /healthz */
  health: () => Promise<{ ok: boolean; detail: Record<string, unknown> }>;
}

// The body stays a string: Node then sends the headers and the body in one write, not a writev of two.
interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | number>;
}

function reply(
  status: number,
  body: string,
  contentType = 'text/html; charset=utf-8',
  extra: Record<string, string> = {},
): Reply {
  return {
    status,
    body,
    headers: { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), ...extra },
  };
}

// Flask's answers for a path it does not know and for a method a route does not take.
const NOT_FOUND = reply(
  404,
  '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
);
const METHOD_NOT_ALLOWED = reply(
  405,
  '<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n',
  undefined,
  { Allow: 'GET, HEAD' },
);

/** What a failed handler answers: 503 when Kafka did not take the event, the error's own status otherwise. */
function failure(err: unknown): Reply {
  const message = err instanceof Error ? err.message : String(err);
  const status = err instanceof HttpError ? err.status : err instanceof ServiceUnreachableError ? 503 : 500;
  return reply(status, `${STATUS_CODES[status] ?? 'Error'}: ${message}\n`, 'text/plain; charset=utf-8');
}

/** A refusal with its HTTP status, e.g. 431 for headers too big to become an event. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class GameApi {
  readonly server: Server;
  private readonly routes = express.Router({ caseSensitive: true, strict: true });
  private readonly paths = new Set<string>(['/healthz']);
  // One prepared reply per distinct text a route returns (there are a handful).
  private readonly replies = new Map<string, Reply>();
  private open = 0;
  private closing = false;

  constructor(private readonly options: GameApiOptions) {
    const app = express();
    app.disable('etag');
    app.disable('x-powered-by');
    app.set('query parser', false);
    // Flask matches paths exactly: /PURCHASE_A_SWORD and /purchase_a_sword/ are not /purchase_a_sword.
    app.set('case sensitive routing', true);
    app.set('strict routing', true);
    this.routes.get('/healthz', (req, res) => void this.health(req, res));
    app.use(this.routes);
    app.use((req, res) => this.answer(req, res, this.paths.has(req.path) ? METHOD_NOT_ALLOWED : NOT_FOUND));
    this.server = createServer(expressServerOptions(app), app);
    this.server.on('connection', (socket: Socket) => {
      this.open++;
      socket.once('close', () => this.open--);
    });
  }

  /** Open HTTP connections: without pipelining, each has at most one request waiting for its event. */
  get openConnections(): number {
    return this.open;
  }

  /** Flask's `@app.route(path)` for GET (and HEAD). */
  route(path: string, handler: RouteHandler): void {
    this.paths.add(path);
    this.routes.get(path, (req, res) => {
      handler(req).then(
        (text) => this.answer(req, res, this.replyFor(text)),
        (err: unknown) => this.answer(req, res, failure(err)),
      );
    });
  }

  /** Listens on host:port; a port already in use is a ConfigError saying what to do. Returns the port. */
  async listen(host: string, port: number): Promise<number> {
    this.server.listen(port, host);
    await once(this.server, 'listening').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE')
        throw new ConfigError(
          `${host}:${port} is already in use`,
          'stop what runs there, or choose --port / API_PORT',
        );
      throw err;
    });
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  /**
   * Stops accepting connections and waits until every open one has ended: each request already accepted
   * gets its answer, after its event was acknowledged or refused (bounded by the producer's own timeout).
   * Idle keep-alive connections are closed at once.
   */
  async close(): Promise<void> {
    this.closing = true;
    const closed = new Promise((resolve) => this.server.close(resolve));
    // A keep-alive connection turns idle once its answer is out: close it then, not at its timeout.
    const sweep = setInterval(() => this.server.closeIdleConnections(), 50);
    try {
      await closed;
    } finally {
      clearInterval(sweep);
    }
  }

  private replyFor(text: string): Reply {
    let prepared = this.replies.get(text);
    if (!prepared) this.replies.set(text, (prepared = reply(200, text)));
    return prepared;
  }

  // 200 only when a send would succeed now: what the walkthrough waits on. Never an event.
  private async health(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { ok, detail } = await this.options.health();
    const body = `${JSON.stringify({ ...detail, pid: process.pid })}\n`;
    this.answer(req, res, reply(ok ? 200 : 503, body, 'application/json'));
  }

  private answer(req: IncomingMessage, res: ServerResponse, { status, body, headers }: Reply): void {
    // while shutting down, no further requests on this connection
    if (this.closing) res.shouldKeepAlive = false;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    this.options.log.log({
      address: req.socket.remoteAddress,
      method: req.method ?? '-',
      url: req.url ?? '-',
      httpVersion: req.httpVersion,
      status,
    });
  }
}

/**
 * express gives every request and response its own prototypes with Object.setPrototypeOf, which makes V8
 * drop its fast paths for those objects, a large share of the server's CPU per request. Node can
 * build them with those prototypes in the first place; express's own setPrototypeOf is then a no-op.
 */
function expressServerOptions(app: express.Express) {
  function Request(this: IncomingMessage, socket: Socket) {
    Reflect.apply(IncomingMessage, this, [socket]);
  }
  Request.prototype = app.request;
  function Response(this: ServerResponse, req: IncomingMessage, options: unknown) {
    Reflect.apply(ServerResponse, this, [req, options]);
  }
  Response.prototype = app.response;
  return {
    IncomingMessage: Request as unknown as typeof IncomingMessage,
    ServerResponse: Response as unknown as typeof ServerResponse,
  };
}
