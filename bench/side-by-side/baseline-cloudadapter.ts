/**
 * The floor for Teams: a bare botbuilder `CloudAdapter` echo bot over node:http, one `sendActivity` per message, with
 * authentication off (no app id: no token checked on the way in, none fetched on the way out), as Vaktpost runs with
 * TEAMS_DEV_NO_AUTH=1. Env: PORT, HOST.
 */
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { createServer } from 'node:http';

const adapter = new CloudAdapter(
  new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppType: 'MultiTenant',
    MicrosoftAppTenantId: '',
  }),
);
adapter.onTurnError = async (_context, error) => {
  console.error('baseline-cloudadapter: turn failed:', error.message);
};

const logic = async (context: TurnContext): Promise<void> => {
  if (context.activity.type === ActivityTypes.Message)
    await context.sendActivity(`Tack: ${context.activity.text ?? ''}`);
};

const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/healthz') {
    res.writeHead(200).end('ok');
    return;
  }
  if (path !== '/api/messages') {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    // The Request/Response shape botbuilder expects from express or restify, over node:http.
    const response = {
      socket: res.socket,
      status: (code: number) => {
        res.statusCode = code;
      },
      header: (name: string, value: unknown) => {
        res.setHeader(name, String(value));
      },
      send: (payload?: unknown) => {
        if (payload === undefined || payload === null) return;
        if (typeof payload === 'object') {
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.write(JSON.stringify(payload));
        } else res.write(String(payload));
      },
      end: () => {
        if (!res.writableEnded) res.end();
      },
    };
    adapter
      .process(
        { body: body as Record<string, unknown>, headers: req.headers, method: req.method ?? 'POST' },
        response as never,
        logic,
      )
      .catch((error: unknown) => {
        console.error('baseline-cloudadapter:', (error as Error).message);
        if (!res.headersSent) res.writeHead(500);
        if (!res.writableEnded) res.end();
      });
  });
});

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
