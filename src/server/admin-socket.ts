import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeZodError, issueWording } from '../domain/zod-issues';
import { isVaktpostError } from '../domain/errors';
import type { Logger } from '../ports/logger';
import type { SweepKind } from '../reminders/plan';
import type { SweepOutcome } from '../reminders/wiring';
import { adminSocketPath, MAX_SOCKET_PATH_BYTES, sweepRequestSchema } from './admin-protocol';

/** What the admin socket can ask of the running server. */
export interface AdminSocketDeps {
  /** The data folder this process holds the lock on; the socket lives in its `admin/` folder. */
  dataDir: string;
  /** Runs the reminder sweep as the schedule would (under the sweep lease) and delivers what it queued. */
  sweep(at: Date, kind: SweepKind): Promise<SweepOutcome>;
  now(): Date;
  logger: Logger;
}

/** The listening socket. */
export interface AdminSocket {
  /** The socket file. */
  path: string;
  /** Stops listening (a call in progress finishes) and removes the socket file. */
  close(): Promise<void>;
}

/** How far ahead of the server's clock `--at` may be: a sweep queues its messages for `at`, due only from then. */
const FUTURE_SLACK_MS = 60_000;
const MAX_BODY_BYTES = 4096;

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  let body = '';
  for await (const chunk of req) {
    body += (chunk as Buffer).toString('utf8');
    if (body.length > MAX_BODY_BYTES) return null;
  }
  return body;
}

async function handle(deps: AdminSocketDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST' || req.url !== '/sweep') {
    answer(res, 404, { error: 'The admin socket answers POST /sweep only.' });
    return;
  }
  const body = await readBody(req);
  let json: unknown = undefined;
  try {
    json = body === null ? undefined : JSON.parse(body);
  } catch {
    // Reported below as a request that is not a sweep request.
  }
  const parsed = sweepRequestSchema.safeParse(json, { error: issueWording });
  if (!parsed.success) {
    answer(res, 400, { error: `Not a sweep request:\n${describeZodError(parsed.error)}` });
    return;
  }
  const now = deps.now();
  const at = parsed.data.at === null ? now : new Date(parsed.data.at);
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) {
    answer(res, 400, {
      error:
        `--at ${parsed.data.at ?? ''} is ahead of the running server's clock (${now.toISOString()}): what a sweep ` +
        'queues is due at its own time, so it would wait until then. Leave out --at, or give a time that has passed.',
    });
    return;
  }
  deps.logger.info('admin: sweep asked for', { at: at.toISOString(), kind: parsed.data.kind });
  try {
    const outcome = await deps.sweep(at, parsed.data.kind);
    deps.logger.info('admin: sweep done', { queued: outcome.queued, escalations: outcome.escalations.length });
    answer(res, 200, outcome);
  } catch (error) {
    const code = isVaktpostError(error) ? error.code : 'internal';
    deps.logger.error('admin: sweep failed', { code });
    answer(res, 500, { error: `The sweep failed in the server (${code}); its log says more.` });
  }
}

/**
 * Listens for admin calls on DATA_DIR/admin/vaktpost.sock. The folder is made (or narrowed to) 0700 before the
 * socket is bound in it, so there is no moment at which another user could connect; the socket is 0600 as well. A
 * socket file left by a killed server is removed first: this process holds the data-folder lock, so it is nobody's.
 * Returns null, with a warning, where a socket cannot be had (a path too long for a unix socket, a read-only folder):
 * `npm run remind` then refuses, as it does beside an older server.
 */
export async function startAdminSocket(deps: AdminSocketDeps): Promise<AdminSocket | null> {
  const path = adminSocketPath(deps.dataDir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH_BYTES) {
    deps.logger.warn('admin socket not started: the data folder path is too long for a unix socket', {
      bytes: Buffer.byteLength(path),
      max: MAX_SOCKET_PATH_BYTES,
    });
    return null;
  }
  const server = createServer((req, res) => {
    handle(deps, req, res).catch(() => {
      if (!res.headersSent) answer(res, 500, { error: 'internal' });
    });
  });
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await chmod(dirname(path), 0o700);
    await rm(path, { force: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    });
    await chmod(path, 0o600);
  } catch (error) {
    server.close();
    deps.logger.warn('admin socket not started', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
    return null;
  }
  return {
    path,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await rm(path, { force: true });
    },
  };
}
