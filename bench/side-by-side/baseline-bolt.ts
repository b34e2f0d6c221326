/**
 * The floor for Slack: a bare `@slack/bolt` app doing the minimum a bot does for a direct message, one `say()`.
 * Given the bot's ids as Vaktpost knows them after its one `auth.test` at start, so neither app calls `auth.test` per
 * request. Env: PORT, HOST, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL.
 */
import { App, LogLevel } from '@slack/bolt';

const need = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`baseline-bolt: ${name} is not set`);
  return value;
};

const app = new App({
  signingSecret: need('SLACK_SIGNING_SECRET'),
  token: need('SLACK_BOT_TOKEN'),
  tokenVerificationEnabled: false,
  botUserId: 'U0BENCHBOT',
  botId: 'B0BENCH00',
  clientOptions: { slackApiUrl: need('SLACK_API_URL') },
  logLevel: LogLevel.ERROR,
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('ok');
      },
    },
  ],
});

app.message(async ({ message, say }) => {
  await say(`Tack: ${'text' in message ? (message.text ?? '') : ''}`);
});

void app.start({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
process.on('SIGTERM', () => process.exit(0));
