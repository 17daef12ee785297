// A GET with exactly the headers given (fetch() refuses to set Host, which the tests need). Headers as
// a flat [name, value, name, value, …] list are sent as they are: repeated, in any letter case.
import { request } from 'node:http';

export function httpGet(
  url: string,
  headers: Record<string, string> | string[] = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // a connection of its own: a reused keep-alive socket can be closed by the server as it is reused
    const req = request(url, { headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
