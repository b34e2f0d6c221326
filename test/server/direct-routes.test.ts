import express from 'express';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { installErrorHandler, listen } from '../../src/server/http-server';
import { createMemoryLogger } from '../../src/ports/logger';

/**
 * Slack's events are handed to Bolt's listener before Express (src/server/http-server.ts `listen`): only a POST to
 * that exact path, with or without a query string; the same path with another method, and every other path, still
 * reach Express and its error boundary.
 */
it('hands a POST to a direct path to its listener, and everything else to Express', async () => {
  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  installErrorHandler(app, createMemoryLogger());
  const server = await listen(app, 0, '127.0.0.1', [
    {
      path: '/slack/events',
      listener: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('direct');
      },
    },
  ]);
  const port = (server.address() as AddressInfo).port;
  const call = (method: string, path: string): Promise<string> =>
    new Promise((done, fail) => {
      const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => done(`${res.statusCode ?? 0} ${body}`));
      });
      req.on('error', fail);
      req.end(method === 'POST' ? 'payload=%7B%7D' : undefined);
    });
  try {
    expect(await call('POST', '/slack/events')).toBe('200 direct');
    expect(await call('POST', '/slack/events?ssl_check=1')).toBe('200 direct');
    expect(await call('GET', '/slack/events')).toBe('404 {"error":"not_found"}');
    expect(await call('POST', '/slack/events/more')).toBe('404 {"error":"not_found"}');
    expect(await call('GET', '/healthz')).toBe('200 {"status":"ok"}');
  } finally {
    server.close();
  }
});
