import { App, HTTPReceiver, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { Express } from 'express';
import type { AdapterDeps, PlatformAdapter, ReadinessResult } from '../../src/ports/platform-adapter';
import { handleSlackRequest, prepareSlackTurn, type IncomingDeps } from './incoming';
import { slackDownload, withDownloadLinks } from './files';
import { lookupSlackUsersByEmail } from './lookup-by-email';
import { authTestFailure } from './readiness';
import { boltLogger } from './slack-logger';
import { SlackNotifier } from './notifier';
import { TurnQueue } from './turn-queue';
import { SLACK_API_URL, SlackJsonCalls } from './json-calls';
import { slackAgent, webApiFetch } from './web-api-fetch';
import { SlackUserProfiles } from './user-profiles';

/** How to reach one Slack workspace. */
export interface SlackAdapterConfig {
  /** The bot token (`xoxb-…`) from "OAuth & Permissions". */
  botToken: string;
  /** The signing secret from "Basic Information"; every HTTP request is verified with it. */
  signingSecret: string;
  /** An app-level token (`xapp-…`) with `connections:write`: when set, Socket Mode is used instead of HTTP. */
  appToken?: string;
  /** The Web API base URL (default `https://slack.com/api/`), e.g. a local fake in tests or a proxy. */
  apiUrl?: string;
  /** The workspace this installation serves (SLACK_TEAM_ID); otherwise the one auth.test names. */
  teamId?: string;
}

/** The Slack adapter; `settled()` waits for the inbox and for modals being opened (tests, graceful shutdown). */
export interface SlackAdapter extends PlatformAdapter {
  /** Resolves once every turn accepted so far has been processed and every modal opened. */
  settled(): Promise<void>;
}

/** Where Slack sends events, interactivity, shortcuts and slash commands (the manifest's request URL). */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Creates the Slack adapter: Bolt verifies and parses requests (HTTP with the signing secret, or Socket Mode), the
 * adapter turns them into IncomingTurns for the core and renders the core's prompts as Block Kit.
 */
export function createSlackAdapter(config: SlackAdapterConfig, deps: AdapterDeps): SlackAdapter {
  const logger = boltLogger(deps.logger);
  const agent = slackAgent(10_000);
  // The dispatcher retries with backoff and honours Retry-After, so the client must fail fast and say why.
  const clientOptions: webApi.WebClientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    // The time limit is the fetch's own (10 s), not an AbortSignal per call.
    fetch: webApiFetch(10_000, agent),
    logger,
  };
  const client = new webApi.WebClient(config.botToken, clientOptions);
  const calls = new SlackJsonCalls({
    apiUrl: config.apiUrl ?? SLACK_API_URL,
    botToken: config.botToken,
    agent,
    warn: (warning) => deps.logger.warn('slack: web api warning', { code: warning }),
  });
  const notifier = new SlackNotifier(client, calls, deps.keyValues, deps.evidence);
  const queue = new TurnQueue();
  const download = slackDownload(config.botToken, config.apiUrl);
  const identity: { botUserId?: string; botId?: string } = {};
  /** The workspace auth.test named (kept apart from identity, which goes to Bolt's authorize). */
  let installedTeam: string | undefined;
  const socketMode = config.appToken !== undefined && config.appToken !== '';
  const http = socketMode
    ? undefined
    : new HTTPReceiver({
        signingSecret: config.signingSecret,
        endpoints: SLACK_EVENTS_PATH,
        // Bolt answers only after our handler returns: that is how the turn is in the inbox before the ack.
        processBeforeResponse: true,
        logger,
      });
  const receiver: Receiver =
    http ?? new SocketModeReceiver({ appToken: config.appToken ?? '', logger, installerOptions: { clientOptions } });
  const app = new App({
    receiver,
    // No auth.test before an ack: the bot's ids are fetched in start() and only used to skip its own messages.
    authorize: async () => ({ botToken: config.botToken, ...identity }),
    logger,
    clientOptions,
    ignoreSelf: false,
    convoStore: false,
  });
  const profiles = new SlackUserProfiles(client, deps.clock, deps.logger);
  const incoming: IncomingDeps = {
    deps,
    client,
    profiles,
    queue,
    botUserId: () => identity.botUserId,
  };
  app.use(async (args) => {
    const ack = 'ack' in args && typeof args.ack === 'function' ? () => args.ack() : undefined;
    // One installation serves one workspace: a signed request from another (the same app installed elsewhere, or an
    // Enterprise Grid sibling) is acknowledged, so Slack stops retrying, and dropped unread.
    const expected = config.teamId ?? installedTeam ?? (await checkToken(), installedTeam);
    if (expected === undefined || teamIdOf(args.body) !== expected) {
      await ack?.();
      deps.logger.warn('slack: request from another workspace refused', {
        code: expected === undefined ? 'slack.team_unknown' : 'slack.wrong_team',
      });
      return;
    }
    await handleSlackRequest(incoming, args.body, ack);
  });
  app.error(async (error) => {
    deps.logger.error('slack request failed', { code: error.code ?? 'unknown' });
    // Rethrown so Bolt answers 500 without an ack, and Slack delivers the event again.
    throw error;
  });

  /** auth.test: the token works, and the bot's own ids (to skip its own messages) are known once it does. */
  const checkToken = async (): Promise<ReadinessResult> => {
    try {
      const auth = await client.auth.test();
      if (auth.user_id) identity.botUserId = auth.user_id;
      if (auth.bot_id) identity.botId = auth.bot_id;
      if (auth.team_id) installedTeam = auth.team_id;
      return { ok: true };
    } catch (error) {
      return authTestFailure(error);
    }
  };

  return {
    platform: 'slack',
    notifier,
    prepareTurn: async (turn, messages) =>
      prepareSlackTurn(
        profiles,
        deps.evidence ? await withDownloadLinks(client, turn) : turn,
        deps.evidence ? { ...deps, messages, vault: deps.evidence, download } : undefined,
      ),
    // The HTTP server hands Slack's requests to Bolt's own listener before Express (which costs a DM some tens of
    // microseconds of routing); where the adapter is mounted on Express alone (tests), the same listener serves.
    ...(http ? { directRoutes: [{ path: SLACK_EVENTS_PATH, listener: http.requestListener }] } : {}),
    mount(server: Express) {
      if (http) server.post(SLACK_EVENTS_PATH, (req, res) => http.requestListener(req, res));
    },
    async start() {
      // A failure does not stop the start (Slack may be down for a minute); /readyz reports it until it clears.
      const ready = await checkToken();
      if (!ready.ok) deps.logger.warn('slack auth.test failed; /readyz answers 503', { reason: ready.reason ?? '' });
      if (socketMode) await app.start();
      deps.logger.info('slack adapter started', { mode: socketMode ? 'socket' : 'http', path: SLACK_EVENTS_PATH });
    },
    async stop() {
      if (socketMode) await app.stop();
      await queue.settled();
    },
    async settled() {
      await queue.settled();
      await deps.intake.settled();
    },
    checkReady: checkToken,
    lookupByEmail: (emails) => lookupSlackUsersByEmail(client, emails),
  };
}

/**
 * The workspace a request comes from, read from the request itself (Bolt's context.teamId is what our authorize
 * returned, so it cannot tell): `team_id` on events and slash commands, `team.id` on interactivity payloads.
 */
function teamIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { team_id?: unknown; team?: { id?: unknown } | null };
  if (typeof b.team_id === 'string') return b.team_id;
  return typeof b.team?.id === 'string' ? b.team.id : undefined;
}
