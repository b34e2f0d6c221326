import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../../src/ports/logger';
import type { TeamsCloudAdapter } from './cloud-adapter';
import type { TokenVerdict } from './token-gate';

/** The largest activity accepted, as express.json was told before (a message with many attachments is a few KB). */
export const MAX_ACTIVITY_BYTES = 1024 * 1024;

/** What the listener needs. */
export interface ActivityRouteDeps {
  adapter: TeamsCloudAdapter;
  /** The token check run before the body is read; null without an app id (TEAMS_DEV_NO_AUTH). */
  checkToken: ((header: string | undefined) => Promise<TokenVerdict>) | null;
  /** The turn's work (teams-ai's Application). */
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
}

/**
 * POST /api/messages on Node's own request and response, served straight from the HTTP server before Express (as
 * Slack's events are): Express's request setup, its routers and body-parser cost an activity some tens of
 * microseconds. The answers are what Express gave: 401 `{"error":"unauthorized"}` for a refused token (before the body
 * is read), 413 `entity.too.large` over 1 MB, 400 `entity.parse.failed` for a body that is no JSON, then botbuilder's
 * (TeamsCloudAdapter.answer).
 */
export function createActivityListener(deps: ActivityRouteDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const reply = (res: ServerResponse, status: number, body?: unknown): void => {
    if (body === undefined || body === null || body === '') {
      res.writeHead(status).end();
      return;
    }
    const json = typeof body === 'object';
    res.writeHead(status, {
      'content-type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    });
    res.end(json ? JSON.stringify(body) : String(body));
  };
  const refuse = (res: ServerResponse, status: number, code: string): void => {
    deps.logger.warn('teams: request refused', { status, code });
    reply(res, status, status === 401 ? { error: 'unauthorized' } : { error: code });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const authorization = req.headers.authorization;
    if (deps.checkToken) {
      const verdict = await deps.checkToken(authorization);
      if (verdict !== null) {
        req.resume();
        return refuse(res, 401, verdict);
      }
    }
    const text = await readBody(req);
    if (text === null) return refuse(res, 413, 'entity.too.large');
    // express.json read only JSON bodies, and only an object or an array (its `strict`); anything else is no activity.
    const type = req.headers['content-type'] ?? '';
    let body: unknown = {};
    if (/\bjson\b/i.test(type)) {
      try {
        body = text === '' ? {} : JSON.parse(text);
      } catch {
        return refuse(res, 400, 'entity.parse.failed');
      }
      if (typeof body !== 'object' || body === null) return refuse(res, 400, 'entity.parse.failed');
    }
    const answer = await deps.adapter.answer(body, typeof authorization === 'string' ? authorization : '', deps.logic);
    reply(res, answer.status, answer.body);
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      deps.logger.error('teams: request failed', { error: error instanceof Error ? error.name : typeof error });
      if (!res.headersSent) reply(res, 500, { error: 'internal' });
      else res.end();
    });
  };
}

/** The body as text, or null once it grows past MAX_ACTIVITY_BYTES (the rest is read and dropped). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > MAX_ACTIVITY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ACTIVITY_BYTES) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks, size).toString('utf8')));
    req.on('error', reject);
  });
}
