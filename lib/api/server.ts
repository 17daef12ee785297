// The game API's HTTP side on express: the game routes, /healthz, Flask's 404 and 405, one Werkzeug
// access-log line per request. Kept lean because it sits in every request's path: no ETag hashing, no
// X-Powered-By, no query parsing, bodies and their headers prepared once, requests and responses born
// with express's prototypes (see expressServerOptions).
import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { Socket } from 'node:net';
import express from 'express';
import { AccessLog } from './access-log.js';
import type { ProducerState } from '../kafka/event-producer.js';
import type { BatchSender } from './batch-sender.js';
import { buildEvent, serializeEvent } from './event.js';
import { GAME_ROUTES } from './routes.js';

export interface GameApiDeps {
  /** resolves once Kafka acknowledged the event */
  events: Pick<BatchSender, 'send'>;
  /** the producer's state, for /healthz */
  kafkaState: () => ProducerState;
  log: AccessLog;
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
const HEALTHY = reply(200, '{"kafka":"connected"}\n', 'application/json');

export function createGameApp({ events, kafkaState, log }: GameApiDeps): express.Express {
  const answer = (req: IncomingMessage, res: ServerResponse, { status, body, headers }: Reply) => {
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    log.log({
      address: req.socket.remoteAddress,
      method: req.method ?? '-',
      url: req.url ?? '-',
      httpVersion: req.httpVersion,
      status,
    });
  };

  const app = express();
  app.disable('etag');
  app.disable('x-powered-by');
  app.set('query parser', false);

  for (const route of GAME_ROUTES) {
    const ok = reply(200, route.body);
    app.get(route.path, (req, res) => {
      const event = serializeEvent(buildEvent(route.event, req.rawHeaders));
      events.send(event).then(
        () => answer(req, res, ok),
        (err: unknown) =>
          answer(
            req,
            res,
            reply(
              503,
              `Service Unavailable: ${err instanceof Error ? err.message : String(err)}\n`,
              'text/plain; charset=utf-8',
            ),
          ),
      );
    });
  }
  // 200 only while the producer is connected: what the walkthrough waits on. Never an event.
  app.get('/healthz', (req, res) => {
    const state = kafkaState();
    if (state.kind === 'connected') return answer(req, res, HEALTHY);
    const why =
      state.kind === 'unreachable' ? { kafka: state.kind, reason: state.reason } : { kafka: state.kind };
    answer(req, res, reply(503, `${JSON.stringify(why)}\n`, 'application/json'));
  });
  const knownPaths = new Set([...GAME_ROUTES.map((r) => r.path), '/healthz']);
  app.use((req, res) => answer(req, res, knownPaths.has(req.path) ? METHOD_NOT_ALLOWED : NOT_FOUND));
  return app;
}

/**
 * express gives every request and response its own prototypes with Object.setPrototypeOf, which makes V8
 * drop its fast paths for those objects: measured, about a third of the server's CPU per request. Node can
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

/** Open HTTP connections: without pipelining, each has at most one request waiting for its event. */
export class ConnectionCounter {
  open = 0;

  track(server: Server): void {
    server.on('connection', (socket: Socket) => {
      this.open++;
      socket.once('close', () => this.open--);
    });
  }
}

export function createGameServer(deps: GameApiDeps): Server {
  const app = createGameApp(deps);
  return createServer(expressServerOptions(app), app);
}
