import { webApi } from '@slack/bolt';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApiFetch } from '../../../adapters/slack/web-api-fetch';

/** How the scripted Slack answers a request (its body read whole); a handler that never answers makes Slack hang. */
export type SlackAnswer = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A local HTTP server standing in for Slack's Web API, each answer scripted by the test (`handle`). */
export interface ScriptedSlack {
  /** The Web API base URL, with its trailing slash. */
  apiUrl: string;
  /** Answers the next requests; set before each call. */
  handle: SlackAnswer;
  close(): Promise<void>;
}

/** Starts a scripted Slack on a free port of 127.0.0.1. */
export async function startScriptedSlack(): Promise<ScriptedSlack> {
  const scripted: ScriptedSlack = {
    apiUrl: '',
    handle: (_req, _body, res) => res.writeHead(500).end(),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => scripted.handle(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  scripted.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  return scripted;
}

/**
 * The Web API client as the adapter configures it (no retries inside a call, 429s rejected, undici's request as its
 * fetch), pointed at the scripted Slack. Errors only on the console: a hung call's warning is what a test provokes.
 */
export function clientOf(slack: ScriptedSlack, timeoutMs = 5_000): webApi.WebClient {
  return new webApi.WebClient('xoxb-test', {
    slackApiUrl: slack.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    fetch: webApiFetch(timeoutMs),
    logLevel: webApi.LogLevel.ERROR,
  });
}
