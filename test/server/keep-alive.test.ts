import express from 'express';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listen } from '../../src/server/http-server';

/**
 * A platform or a reverse proxy keeps an idle connection open and sends the next request on it later. Node's default
 * closes it after 5 s, and a request sent just then is reset: a DM the platform must deliver again, or, behind a
 * proxy, an error page. Vaktpost's server keeps idle connections longer than such clients do (src/server/http-server.ts).
 */
it('answers a request sent on a connection that was idle for six seconds, on the same connection', async () => {
  const app = express();
  app.get('/ping', (_req, res) => {
    res.send('pong');
  });
  const server = await listen(app, 0, '127.0.0.1');
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const port = (server.address() as AddressInfo).port;
  const get = (): Promise<{ body: string; socket: unknown }> =>
    new Promise((done, fail) => {
      const req = request({ host: '127.0.0.1', port, path: '/ping', agent }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => done({ body, socket: req.socket }));
      });
      req.on('error', fail);
      req.end();
    });
  try {
    const first = await get();
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    const second = await get();
    expect([first.body, second.body]).toEqual(['pong', 'pong']);
    expect(second.socket).toBe(first.socket);
  } finally {
    agent.destroy();
    server.close();
  }
}, 20_000);
