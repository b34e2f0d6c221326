/**
 * A fake platform for the side-by-side benchmark, in a process of its own so each app's calls (and their CPU) are
 * counted apart: `slack` answers the Web API (`POST /api/<method>`) at once with `ok: true`; `teams` answers the Bot
 * Connector (`/v3/conversations/...`). Both count calls by kind; `GET /_counts` returns the counts. Prints
 * `{"url": ...}` once listening on 127.0.0.1; exits when its parent goes away.
 */
import { createServer, type IncomingMessage } from 'node:http';

const kind = process.argv[2] === 'teams' ? 'teams' : 'slack';
const counts: Record<string, number> = {};
let seq = 0;
const bump = (key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

function slackArgs(req: IncomingMessage, body: string): Record<string, string> {
  try {
    if ((req.headers['content-type'] ?? '').includes('json')) return JSON.parse(body) as Record<string, string>;
    return Object.fromEntries(new URLSearchParams(body));
  } catch {
    return {};
  }
}

function slackAnswer(method: string, args: Record<string, string>): unknown {
  seq += 1;
  const ts = `1700000000.${String(seq % 1e6).padStart(6, '0')}`;
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        team: 'bench',
        team_id: 'T0BENCH00',
        user: 'bench-bot',
        user_id: 'U0BENCHBOT',
        bot_id: 'B0BENCH00',
      };
    case 'chat.postMessage':
    case 'chat.update':
    case 'chat.postEphemeral':
      return { ok: true, channel: args.channel, ts: args.ts ?? ts, message: { ts: args.ts ?? ts, text: args.text } };
    case 'conversations.open':
      return { ok: true, channel: { id: `D${String(args.users ?? 'U0BENCH').slice(1)}` } };
    case 'users.info':
      return {
        ok: true,
        user: { id: args.user, name: 'bench', real_name: 'Bänk Användare', locale: 'sv-SE', tz: 'Europe/Stockholm' },
      };
    default:
      return method.startsWith('views.') ? { ok: true, view: { id: `V0BENCH${seq}`, hash: 'h' } } : { ok: true };
  }
}

function teamsAnswer(method: string, path: string): unknown {
  seq += 1;
  if (method === 'POST' && path === '/v3/conversations') {
    bump('create_conversation');
    return { id: `a:bench-created-${seq}`, activityId: `${seq}` };
  }
  const m = /^\/v3\/conversations\/[^/]+\/activities(?:\/([^/]+))?$/.exec(path);
  if (m) {
    bump(method === 'PUT' ? 'update' : m[1] ? 'reply' : 'send');
    return { id: method === 'PUT' && m[1] ? decodeURIComponent(m[1]) : `1${String(seq).padStart(9, '0')}` };
  }
  bump(`other ${method}`);
  return { id: `bench-${seq}` };
}

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const path = (req.url ?? '/').split('?')[0]?.replace(/\/+$/, '') ?? '/';
    let out: unknown;
    if (path === '/_counts') out = counts;
    else if (kind === 'teams') out = teamsAnswer(req.method ?? 'GET', path);
    else if (path.startsWith('/api/')) {
      const method = path.slice(5);
      bump(method);
      out = slackAnswer(method, slackArgs(req, Buffer.concat(chunks).toString()));
    } else {
      bump(`other ${path}`);
      out = { ok: true };
    }
    const body = JSON.stringify(out);
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(
    JSON.stringify({ url: kind === 'slack' ? `http://127.0.0.1:${port}/api/` : `http://127.0.0.1:${port}/` }),
  );
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
