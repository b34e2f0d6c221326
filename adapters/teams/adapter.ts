import type { Express } from 'express';
import type { AdapterDeps, PlatformAdapter } from '../../src/ports/platform-adapter';
import { StrictBotFrameworkAuthentication } from './bot-framework-auth';
import { TeamsCloudAdapter } from './cloud-adapter';
import { checkTeamsConfig, type TeamsAdapterConfig } from './config';
import { createConnectorClients } from './connector-clients';
import { createConversationRefs } from './conversation-refs';
import { createErrorBoundary, createTeamsApplication } from './teams-application';
import { TeamsNotifier } from './notifier';
import { botFrameworkTokenFetcher, checkBotFrameworkToken } from './token-check';
import { createTokenCheck } from './token-gate';
import { createActivityListener } from './activity-route';
import { teamsDownload } from './files';
import { createMemberEmails } from './member-emails';
import { receiveFiles } from '../../src/evidence/receive-files';
import { languageFromLocale } from '../../src/i18n/translate';
import type { IncomingTurn } from '../../src/engine/turn';
import type { Notifier } from '../../src/ports/notifier';

/** The one route Teams (through the Azure Bot's messaging endpoint) posts activities to. */
export const TEAMS_MESSAGES_PATH = '/api/messages';

/**
 * The Teams adapter: botbuilder's CloudAdapter checks the Bot Framework token on every request (with
 * ConfigurationBotFrameworkAuthentication, made strict about forged tokens), teams-ai's Application routes the
 * activities, and the notifier sends proactively. Throws a clear error when there is no app id and TEAMS_DEV_NO_AUTH is not set.
 */
export function createTeamsAdapter(config: TeamsAdapterConfig, deps: AdapterDeps): PlatformAdapter {
  const settings = checkTeamsConfig(config);
  if (!settings.appId) {
    deps.logger.warn(
      'TEAMS_DEV_NO_AUTH is set and MicrosoftAppId is not: /api/messages accepts UNAUTHENTICATED requests. ' +
        'Anyone who can reach this server can act as any Teams user. Never run like this outside local development.',
      { platform: 'teams', devNoAuth: true },
    );
  }
  // Without an app id botbuilder's MultiTenant path is the one that runs with authentication off; SingleTenant and
  // MSI insist on an id and tenant.
  // Only these settings are passed on purpose: giving botbuilder any endpoint of its own (say, an OpenID metadata
  // url) switches it to a fully custom cloud in which the token issuer check is left empty.
  const credentials = {
    MicrosoftAppId: settings.appId ?? '',
    MicrosoftAppPassword: settings.appPassword ?? '',
    MicrosoftAppType: settings.appId ? settings.appType : 'MultiTenant',
    MicrosoftAppTenantId: settings.tenantId ?? '',
    // A certificate instead of a client secret: botbuilder signs its token requests with the private key.
    ...(settings.certificateKey
      ? { CertificateThumbprint: settings.certificateThumbprint ?? '', CertificatePrivateKey: settings.certificateKey }
      : {}),
  };
  const auth = new StrictBotFrameworkAuthentication(credentials);
  const adapter = new TeamsCloudAdapter(auth);
  adapter.onTurnError = createErrorBoundary(deps);
  adapter.onRequestError = (error, status) =>
    deps.logger.warn('teams: request refused', { status, error: error instanceof Error ? error.name : typeof error });
  const refs = createConversationRefs(deps.keyValues);
  const application = createTeamsApplication({ ...deps, refs });
  // What the notifier and the e-mail lookup both need to reach the Bot Connector as this bot.
  const connectorDeps = {
    adapter,
    appId: settings.appId ?? '',
    refs,
    keyValues: deps.keyValues,
    logger: deps.logger,
    clock: deps.clock,
  };
  const notifier = new TeamsNotifier({
    ...connectorDeps,
    connectors: createConnectorClients(auth, settings.appId ?? ''),
    ...(settings.tenantId ? { tenantId: settings.tenantId } : {}),
    ...(deps.evidenceLink ? { evidenceLink: deps.evidenceLink } : {}),
  });

  const memberEmails = createMemberEmails(connectorDeps);
  const appId = settings.appId;
  const fetchToken = appId ? (config.fetchToken ?? botFrameworkTokenFetcher(appId, credentials)) : null;
  const download = teamsDownload(fetchToken);
  const vault = deps.evidence;

  const activities = createActivityListener({
    adapter,
    // Without an app id (TEAMS_DEV_NO_AUTH) there is no token to check, as warned at start.
    checkToken: appId ? createTokenCheck(appId) : null,
    logic: async (ctx) => {
      await application.run(ctx);
    },
    logger: deps.logger,
  });

  return {
    platform: 'teams',
    notifier,
    async prepareTurn(turn: IncomingTurn, messages: Notifier) {
      // Someone the directory names only by e-mail is recognised from their first message on.
      const wanted = deps.emailsWanted?.('teams') ?? [];
      if (await memberEmails.learn(turn, wanted)) await deps.accountsLearned?.('teams');
      // The member's files are downloaded once, before the core sees them: their SHA-256 is recorded at arrival.
      if (!vault) return turn;
      return receiveFiles(turn, languageFromLocale(turn.user.locale), {
        vault,
        download,
        messages,
        logger: deps.logger,
      });
    },
    lookupByEmail: (emails) => memberEmails.lookupByEmail(emails),
    learnsEmailsOnFirstMessage: true,
    // The HTTP server hands /api/messages to this listener before Express; where the adapter is mounted on Express
    // alone (tests), the same listener serves.
    directRoutes: [{ path: TEAMS_MESSAGES_PATH, listener: activities }],
    mount(app: Express) {
      app.post(TEAMS_MESSAGES_PATH, (req, res) => activities(req, res));
    },
    async start() {
      // Nothing runs beside HTTP: Teams pushes every activity to /api/messages.
    },
    async stop() {
      // No connections or timers of our own to close.
    },
    async checkReady() {
      if (!fetchToken) return { ok: true, reason: 'TEAMS_DEV_NO_AUTH: no credentials to check' };
      return checkBotFrameworkToken(fetchToken);
    },
  };
}
