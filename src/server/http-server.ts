import express, { type Express } from 'express';
import type { Server } from 'node:http';
import type { Stores } from '../ports/stores';

/** The one HTTP server: health probes here, adapters add their routes. */
export function createHttpApp(stores: Stores): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await stores.ping().catch(() => false);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'store unavailable' });
  });
  return app;
}

/** Listens on host:port (port 0 picks a free one) and resolves with the server once it listens. */
export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}
