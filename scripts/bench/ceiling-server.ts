// bench:api's ceiling: the least a server can do to answer the same text (argv[2]) with a Content-Length,
// in a process of its own like the game API. Prints its port once it listens; SIGTERM stops it.
import { createServer } from 'node:http';

const body = process.argv[2] ?? '';
const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(body) };
const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
