import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { freePort, isListening, portOwner } from './ports.js';

describe('Process > ports', () => {
  it('sees a port someone listens on, and names the owner', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      assert.equal(await isListening('127.0.0.1', port), true, 'a listening port is taken');
      const owner = portOwner(port);
      if (owner !== null) assert.match(owner, new RegExp(`\\(pid ${process.pid}\\)`), 'names this process');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    assert.equal(await isListening('127.0.0.1', port), false, 'a closed port is free');
  });
  it('finds a free port to listen on', async () => {
    const port = await freePort();
    assert.equal(await isListening('127.0.0.1', port), false, `nobody listens on ${port}`);
  });
});
