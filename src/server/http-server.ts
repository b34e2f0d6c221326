import express, { type Express } from 'express';
import type { Server } from 'node:http';
import { VaktpostError } from '../domain/errors';
import type { Stores } from '../ports/stores';
import { checkReadiness, storeReadiness, type ReadinessCheck } from './readiness';

/**
 * The one HTTP server: health probes here, adapters add their routes. /healthz says the process runs; /readyz also
 * asks the store and each platform's credentials (`platformChecks`), answering 503 with the reasons when one fails.
 */
export function createHttpApp(stores: Stores, platformChecks: ReadinessCheck[] = []): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const report = await checkReadiness([storeReadiness(stores), ...platformChecks]);
    res.status(report.ready ? 200 : 503).json(report.body);
  });
  return app;
}

/** Listens on host:port (port 0 picks a free one) and resolves with the server once it listens. */
export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      // The two an operator meets, said plainly; anything else as it came.
      if (error.code === 'EADDRINUSE') {
        reject(
          new VaktpostError(
            'config.invalid',
            `PORT ${port} on ${host} is already in use: stop the program using it or set PORT to another port.`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new VaktpostError(
            'config.invalid',
            `PORT ${port} needs privileges this user lacks: use a port above 1023 behind a reverse proxy.`,
          ),
        );
      } else reject(error);
    });
  });
}
