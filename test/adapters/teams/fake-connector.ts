import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  kind: 'send' | 'reply' | 'update' | 'create' | 'other';
  /** Decoded conversation id from the path (send, reply, update). */
  conversationId?: string;
  /** Activity id from the path (reply, update). */
  activityId?: string;
  body: Record<string, unknown>;
  authorization?: string;
  /** The id the fake answered with (the sent activity's id, or the created conversation's). */
  responseId?: string;
}

/** A failure to answer instead of success, for the next matching calls. */
export interface FailureSpec {
  status: number;
  headers?: Record<string, string>;
  /** How many calls to fail (default 1). */
  times?: number;
  /** Only calls of this kind / to this conversation. */
  kind?: ConnectorCall['kind'];
  conversationId?: string;
}

/**
 * A local stand-in for the Bot Connector service that the bot reaches at the activity's serviceUrl, over real HTTP:
 * it records sends, replies, updates and conversation creations, answers with fresh ids, and fails on demand.
 */
export interface FakeConnector {
  /** `http://127.0.0.1:<port>/`, to put on activities as serviceUrl. */
  serviceUrl: string;
  calls: ConnectorCall[];
  failNext(spec: FailureSpec): void;
  /** Serves extra routes (e.g. OpenID metadata and keys) before the connector routes. */
  extraRoutes: Map<string, (res: ServerResponse) => void>;
  /**
   * Serves a member's file at `/files/<name>` (a picture's contentUrl, or a file's pre-authenticated downloadUrl) and
   * returns its URL; each download is recorded in `downloads`.
   */
  serveFile(name: string, bytes: Buffer, contentType?: string): string;
  /** The file names downloaded so far, in order. */
  downloads: string[];
  /**
   * Members the connector knows, by Teams id (`29:…`), answered at `GET /v3/conversations/{id}/members/{userId}`
   * (what `TeamsInfo.getMember` asks) with their e-mail and UPN; anyone else is a 404.
   */
  members: Map<string, { aadObjectId: string; name: string; email?: string; userPrincipalName?: string }>;
  /** Resolves when a call matching the predicate has been recorded. */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  close(): Promise<void>;
}

function classify(method: string, path: string): Pick<ConnectorCall, 'kind' | 'conversationId' | 'activityId'> {
  const parts = path.split('?')[0]?.split('/').filter(Boolean) ?? [];
  if (parts[0] !== 'v3' || parts[1] !== 'conversations') return { kind: 'other' };
  if (parts.length === 2 && method === 'POST') return { kind: 'create' };
  const conversationId = decodeURIComponent(parts[2] ?? '');
  if (parts[3] !== 'activities') return { kind: 'other', conversationId };
  const activityId = parts[4] === undefined ? undefined : decodeURIComponent(parts[4]);
  if (activityId === undefined) return { kind: 'send', conversationId };
  return { kind: method === 'PUT' ? 'update' : 'reply', conversationId, activityId };
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { raw: text };
  }
}

/** Starts the fake connector on a free port. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const failures: FailureSpec[] = [];
  const waiters: Array<{ predicate: (c: ConnectorCall) => boolean; resolve: (c: ConnectorCall) => void }> = [];
  const extraRoutes = new Map<string, (res: ServerResponse) => void>();
  const downloads: string[] = [];
  const members: FakeConnector['members'] = new Map();
  let nextId = 0;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = req.url ?? '/';
      const extra = extraRoutes.get(path);
      if (extra) return extra(res);
      const method = req.method ?? 'GET';
      const body = await readBody(req);
      const call: ConnectorCall = {
        method,
        path,
        ...classify(method, path),
        body,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      };
      calls.push(call);
      const parts = path.split('?')[0]?.split('/') ?? [];
      if (method === 'GET' && parts[1] === 'v3' && parts[4] === 'members' && parts[5]) {
        const id = decodeURIComponent(parts[5]);
        const member = members.get(id);
        res.writeHead(member ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(member ? { id, ...member } : { error: { code: 'MemberNotFoundInConversation' } }));
        return;
      }
      const failure = failures.find(
        (f) => (!f.kind || f.kind === call.kind) && (!f.conversationId || f.conversationId === call.conversationId),
      );
      if (failure) {
        failure.times = (failure.times ?? 1) - 1;
        if (failure.times <= 0) failures.splice(failures.indexOf(failure), 1);
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ error: { code: `Fake${failure.status}`, message: 'fake failure' } }));
      } else {
        const id = call.kind === 'create' ? `a:created-${++nextId}` : `activity-${++nextId}`;
        call.responseId = id;
        res.writeHead(call.kind === 'other' ? 404 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(call.kind === 'create' ? { id, activityId: `activity-${nextId}` } : { id }));
      }
      for (const waiter of [...waiters]) {
        if (waiter.predicate(call)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(call);
        }
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    extraRoutes,
    downloads,
    members,
    serveFile(name, bytes, contentType = 'application/octet-stream') {
      const path = `/files/${encodeURIComponent(name)}`;
      extraRoutes.set(path, (res) => {
        downloads.push(name);
        res.writeHead(200, { 'content-type': contentType, 'content-length': String(bytes.length) });
        res.end(bytes);
      });
      return `http://127.0.0.1:${port}${path}`;
    },
    failNext: (spec) => failures.push({ ...spec }),
    waitFor(predicate, timeoutMs = 5000) {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('fake connector: expected call did not come')), timeoutMs);
        waiters.push({
          predicate,
          resolve: (c) => {
            clearTimeout(timer);
            resolve(c);
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
