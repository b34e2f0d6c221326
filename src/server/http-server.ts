import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createServer, type Server } from 'node:http';
import { isVaktpostError, VaktpostError } from '../domain/errors';
import type { Logger } from '../ports/logger';
import type { DirectRoute } from '../ports/platform-adapter';
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

/** The status an error asks for (body-parser and http-errors set one), else 500. */
function statusOf(error: unknown): number {
  const candidate = (error as { status?: unknown; statusCode?: unknown } | null) ?? {};
  const status = typeof candidate.status === 'number' ? candidate.status : candidate.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/**
 * A code for the log and the answer: body-parser's `type` (`entity.parse.failed`, `entity.too.large`), our own error
 * codes, else a generic one. Never the message: a JSON parse error quotes the body it failed on.
 */
function codeOf(error: unknown, status: number): string {
  const type = (error as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && /^[a-z.]{1,40}$/.test(type)) return type;
  if (isVaktpostError(error)) return error.code;
  return status >= 500 ? 'internal' : 'bad_request';
}

/**
 * The server's one error boundary, added after every route: unknown paths and every error become a plain JSON
 * answer without a stack, and the log line holds method, route, status and code only: no body, header or message.
 */
export function installErrorHandler(app: Express, logger: Logger): void {
  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found' });
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = statusOf(error);
    const code = codeOf(error, status);
    const route = (req.route as { path?: unknown } | undefined)?.path;
    const fields = {
      method: req.method,
      path: typeof route === 'string' ? route : req.path.slice(0, 100),
      status,
      code,
    };
    if (status >= 500) logger.error('http request failed', fields);
    else logger.warn('http request refused', fields);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(status).json({ error: code });
  });
}

/** How long an idle keep-alive connection stays open. */
export const KEEP_ALIVE_MS = 65_000;

/** Finds the direct route for a POST to `url` (its query string ignored), if there is one. */
function directRouteOf(
  routes: DirectRoute[],
  method: string | undefined,
  url: string | undefined,
): DirectRoute | undefined {
  if (method !== 'POST' || url === undefined || routes.length === 0) return undefined;
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  return routes.find((route) => route.path === path);
}

/**
 * Listens on host:port (port 0 picks a free one) and resolves with the server once it listens. A POST to one of
 * `direct`'s paths goes straight to its listener; everything else to Express.
 */
export function listen(app: Express, port: number, host: string, direct: DirectRoute[] = []): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      const route = directRouteOf(direct, req.method, req.url);
      if (route) route.listener(req, res);
      else app(req, res);
    });
    server.listen(port, host);
    // Node closes an idle keep-alive connection after 5 s; a reverse proxy or a platform's client that keeps it open
    // longer (60 s is common) may send the next request on it just as it closes, and that request is reset. Past the
    // clients' own idle limits, the client is always the one that closes.
    server.keepAliveTimeout = KEEP_ALIVE_MS;
    server.headersTimeout = KEEP_ALIVE_MS + 1_000;
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
