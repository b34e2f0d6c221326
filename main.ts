/**
 * The one place that wires Vaktpost together: configuration, stores, directory, engine, services, adapters, the HTTP
 * server and the scheduler. Nothing in src/ imports adapters/ or a platform SDK; this file joins them.
 */
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Readable } from 'node:stream';
import { createConsoleAdapter, type ConsoleAdapter } from './adapters/console';
import { createWebAdapter } from './adapters/web';
import { DISTRICT_SERVICE, districtPlugin } from './dialogs/district';
import { REPORT_SERVICE, reportPlugin } from './dialogs/report';
import { INVENTORY_SERVICE, riskInventoryPlugin } from './dialogs/risk-inventory';
import { GUIDANCE_SERVICE, guidanceCard, guidancePlugin, isGuidanceTopic } from './dialogs/guidance';
import type { DistrictOptions } from './dialogs/district';
import { createBot, type TurnProcessor } from './src/bot/create-bot';
import { createReportIntake } from './src/cases/report-intake';
import { DialogRegistry, type DialogPlugin } from './src/engine/registry';
import type { DialogService } from './src/ports/dialog-service';
import { CardLibrary } from './src/guidance/card-library';
import { InventoryService } from './src/inventory/inventory-service';
import { createDistrictChoice } from './src/profiles/district-choice';
import { ProfileService } from './src/profiles/profile-service';
import { CaseService } from './src/cases/case-service';
import { RepeatPerpetrators } from './src/cases/repeat-perpetrators';
import { createRouting, moveLegacyBindings } from './src/cases/routing';
import { loadConfig, slackEnabled, teamsEnabled, webDemoEnabled, type Env } from './src/config/config';
import { createCompositeNotifier } from './src/delivery/composite-notifier';
import { Dispatcher } from './src/delivery/dispatcher';
import { MEMBER_ADDITION_NAMESPACE } from './src/bot/member-follow-up';
import { CaseMessages } from './src/notifications/case-messages';
import { ConversationRateLimiter } from './src/delivery/rate-limit';
import { createOutboxNotifier } from './src/delivery/outbox-notifier';
import { finishedBefore } from './src/delivery/replay-guard';
import { createTurnBoundary } from './src/delivery/turn-boundary';
import { TurnInbox } from './src/delivery/turn-inbox';
import type { FloodLimit } from './src/delivery/flood-gate';
import type { Directory } from './src/directory/directory';
import { applyDirectory, watchDirectoryFile } from './src/directory/directory-source';
import { loadDirectory } from './src/directory/load-directory';
import { emailsToLookUp, type AccountLookup } from './src/directory/email-accounts';
import { isVaktpostError } from './src/domain/errors';
import { createEngine } from './src/engine/advance';
import type { TurnHandler } from './src/engine/turn';
import { systemClock, type Clock } from './src/ports/clock';
import { createPinoLogger } from './src/logging/pino-logger';
import { AccessLog } from './src/privacy/access-log';
import { AuditLog } from './src/privacy/audit-log';
import { Retention } from './src/privacy/retention';
import type { Logger } from './src/ports/logger';
import type { Notifier } from './src/ports/notifier';
import type { PlatformAdapter } from './src/ports/platform-adapter';
import type { Stores } from './src/ports/stores';
import { startAdminSocket } from './src/server/admin-socket';
import { createHttpApp, installErrorHandler, listen } from './src/server/http-server';
import { createExports, type ExportKit } from './src/export/wiring';
import { createStores } from './src/store/create-stores';
import { EvidenceVault } from './src/evidence/evidence-vault';
import { startReminders, type RemindersHandle } from './src/reminders/wiring';

/** Ways to start Vaktpost other than from the environment alone (tests, the console, `npm run remind`). */
export interface VaktpostOptions {
  /** Environment variables; default `process.env`. */
  env?: Record<string, string | undefined>;
  clock?: Clock;
  logger?: Logger;
  /** Stores to use instead of the configured ones (tests pass in-memory or FerretDB-backed stores). */
  stores?: Stores;
  directory?: Directory;
  /** More notifiers beside the platform adapters (the console, a recording notifier in tests). */
  extraNotifiers?: Notifier[];
  /** Start the HTTP server (default true). */
  listen?: boolean;
  /** Run the cron schedule for reminders and escalations (default true). */
  schedule?: boolean;
  /** Dialogs beside the built-in ones, with the services they name (tests of the registry). */
  extraDialogs?: { plugins: DialogPlugin[]; services: Record<string, DialogService> };
  /** Run the console adapter on this input and output (`npm run console`). */
  console?: { input: Readable; write: (text: string) => void; interactive: boolean };
  /** How often the dispatcher looks for due retries, in ms; 0 turns the timer off (tests call flush()). */
  dispatchIntervalMs?: number;
  /** How many turns a member may send in a window before being asked to slow down (tests lower it). */
  floodLimit?: FloodLimit;
  /** How often the directory file is checked for edits, in ms (default 2000; tests use less). */
  directoryPollMs?: number;
  /**
   * Answer `npm run remind` on DATA_DIR/admin/vaktpost.sock when this process holds the embedded data folder (default
   * true; `remind` itself turns it off).
   */
  admin?: boolean;
}

/** A running Vaktpost. */
export interface Vaktpost {
  config: Env;
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:3978 (empty when not listening). */
  url: string;
  app: Express;
  server: Server | null;
  stores: Stores;
  directory: Directory;
  /** The core behind the durable inbox: `handleTurn` stores the turn, processes it and resolves when it is done. */
  bot: TurnHandler;
  inbox: TurnInbox;
  cases: CaseService;
  dispatcher: Dispatcher;
  notifier: Notifier;
  adapters: PlatformAdapter[];
  /** The console adapter when `console` was given. */
  console: ConsoleAdapter | null;
  logger: Logger;
  reminders: RemindersHandle;
  /** Retention, erasure, the audit log and the access log (docs/data-protection.md). */
  privacy: { retention: Retention; audit: AuditLog; access: AccessLog };
  /** The short-lived export links and the Bilaga 4 incident report behind them. */
  exports: ExportKit;
  /** Processes every accepted turn, then delivers everything due now (relay + dispatch until idle). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** The dialogs on offer, one plugin per folder under dialogs/ (the registry's order is the menu's). */
export function dialogPlugins(districts: DistrictOptions): DialogPlugin[] {
  return [reportPlugin(districts), districtPlugin(districts), riskInventoryPlugin(districts), guidancePlugin];
}

/** Builds and starts Vaktpost. */
export async function createVaktpost(options: VaktpostOptions = {}): Promise<Vaktpost> {
  const config = loadConfig(options.env ?? process.env);
  const logger =
    options.logger ??
    createPinoLogger({
      level: config.LOG_LEVEL,
      format: config.LOG_FORMAT ?? (config.NODE_ENV === 'production' ? 'json' : 'pretty'),
      // In the terminal chat, stdout is the conversation: log lines go to stderr there.
      destination: options.console ? process.stderr : process.stdout,
    });
  const clock = options.clock ?? systemClock;
  const directory = options.directory ?? (await loadDirectory(config.DIRECTORY_FILE));
  const stores =
    options.stores ??
    (await createStores({
      mongodbUri: config.MONGODB_URI,
      mongodbDb: config.MONGODB_DB,
      dataDir: config.DATA_DIR,
      masterKeys: config.VAKTPOST_MASTER_KEYS,
      keyFile: config.VAKTPOST_KEY_FILE,
      onNotice: (notice) => logger.warn(notice),
    }));
  logger.info('store ready', { store: stores.description });
  const movedBindings = await moveLegacyBindings(stores.keyValues, stores.bindings, logger);
  if (movedBindings > 0) logger.info('channel bindings moved to their own store', { count: movedBindings });

  // The dialogs on offer: one plugin per folder under dialogs/. The bot routes by this registry alone.
  // Read each time the district question is asked: a district added to the directory file is offered at once.
  const districts = () => directory.districts().map((d) => ({ id: d.id, name: d.name }));
  const registry = new DialogRegistry([...dialogPlugins(districts), ...(options.extraDialogs?.plugins ?? [])]);
  const engine = createEngine(registry.all().map((plugin) => plugin.dialog));
  const profiles = new ProfileService(stores.profiles, clock);

  // The bot and the adapters need each other: adapters hand turns to the inbox, the bot sends through the outbox.
  if (stores.exclusive) {
    // This process owns the store (the data-folder lock): claims left in it belong to a process that died.
    await stores.inbox.expireClaims(clock.now());
    await stores.outbox.expireClaims(clock.now());
  }
  let bot: TurnProcessor | null = null;
  let dispatcher: Dispatcher | null = null;
  const adapters: PlatformAdapter[] = [];
  const notifiers: Notifier[] = [];
  const platformNotifier = createCompositeNotifier(notifiers);
  const outgoing = createOutboxNotifier({
    outbox: stores.outbox,
    platforms: platformNotifier,
    now: () => clock.now(),
    onQueued: () => dispatcher?.kick(),
  });
  const inbox = new TurnInbox({
    store: stores.inbox,
    outbox: outgoing,
    forgetReplies: (inboxId) => stores.outbox.forgetTurn(inboxId),
    logger,
    now: () => clock.now(),
    ...(options.floodLimit ? { flood: options.floodLimit } : {}),
    ...createTurnBoundary({ profiles: stores.profiles, logger }),
    async prepare(turn, out) {
      const adapter = adapters.find((a) => a.platform === turn.platform);
      return adapter?.prepareTurn ? adapter.prepareTurn(turn, out) : turn;
    },
    async process(turn, replay, out) {
      if (!bot) throw new Error('bot not ready');
      if (replay && (await finishedBefore(stores, turn))) return;
      await bot.handleTurn(turn, out);
    },
  });
  // Vaktpost's encrypted copies of the members' evidence files; Teams owners open them through short-lived links.
  const vault = new EvidenceVault(stores.blobs, config.EVIDENCE_MAX_MB * 1024 * 1024);
  let exportKit: ExportKit | null = null;
  // Who can turn the directory's e-mail addresses into accounts (filled in once the adapters exist).
  const lookups: AccountLookup[] = [];
  const adapterDeps = {
    evidence: vault,
    evidenceLink: (caseId: string, blob: string, userId: string) => {
      const downloads = exportKit?.evidence;
      return downloads ? { url: downloads.linkFor(caseId, blob, userId, clock.now()), hours: downloads.hours } : null;
    },
    emailsWanted: (platform: string) => emailsToLookUp(directory.data, platform),
    accountsLearned: async (platform: string) => {
      const learnt = lookups.filter((l) => l.platform === platform);
      await applyDirectory(directory.data, { directory, lookups: learnt, logger });
    },
    bot: inbox,
    intake: inbox,
    messages: outgoing,
    keyValues: stores.keyValues,
    bindings: stores.bindings,
    logger,
    clock,
  };

  if (slackEnabled(config)) {
    adapters.push(
      // Each platform's SDK is loaded only when that platform is configured: the Teams SDK alone holds about 90 MB.
      (await import('./adapters/slack')).createSlackAdapter(
        {
          botToken: config.SLACK_BOT_TOKEN as string,
          signingSecret: config.SLACK_SIGNING_SECRET ?? '',
          ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
          ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
          ...(config.SLACK_TEAM_ID ? { teamId: config.SLACK_TEAM_ID } : {}),
        },
        adapterDeps,
      ),
    );
  }
  if (teamsEnabled(config)) {
    adapters.push(
      (await import('./adapters/teams')).createTeamsAdapter(
        {
          ...(config.MicrosoftAppId ? { appId: config.MicrosoftAppId } : {}),
          ...(config.MicrosoftAppPassword ? { appPassword: config.MicrosoftAppPassword } : {}),
          appType: config.MicrosoftAppType,
          ...(config.MicrosoftAppTenantId ? { tenantId: config.MicrosoftAppTenantId } : {}),
          ...(config.MicrosoftAppCertificateThumbprint
            ? { certificateThumbprint: config.MicrosoftAppCertificateThumbprint }
            : {}),
          ...(config.MicrosoftAppCertificateKeyFile
            ? { certificateKeyFile: config.MicrosoftAppCertificateKeyFile }
            : {}),
          devNoAuth: config.TEAMS_DEV_NO_AUTH,
        },
        adapterDeps,
      ),
    );
  }
  if (webDemoEnabled(config)) adapters.push(createWebAdapter({ directory }, adapterDeps));
  const consoleAdapter = options.console
    ? createConsoleAdapter(
        {
          directory,
          ...options.console,
          flush: async () => {
            await inbox.settled();
            await dispatcher?.drain();
          },
          storage: stores.description,
        },
        adapterDeps,
      )
    : null;
  if (consoleAdapter) adapters.push(consoleAdapter);
  logger.info('platforms', {
    slack: slackEnabled(config) ? (config.SLACK_APP_TOKEN ? 'socket mode' : 'http') : 'off (no SLACK_BOT_TOKEN)',
    teams: teamsEnabled(config) ? (config.MicrosoftAppId ? 'on' : 'on WITHOUT AUTH (TEAMS_DEV_NO_AUTH)') : 'off',
    web: webDemoEnabled(config) ? 'demo on' : 'off',
  });

  notifiers.push(...adapters.map((a) => a.notifier), ...(options.extraNotifiers ?? []));
  const notifier = platformNotifier;
  // Earlier cases naming the same phone, e-mail, handle or name, for the contacts' case view (issue 14).
  const repeats = new RepeatPerpetrators(stores.cases, directory);
  const audit = new AuditLog(stores.keyValues);
  const access = new AccessLog(stores.keyValues);
  const retention = new Retention({
    cases: stores.cases,
    outbox: stores.outbox,
    sessions: stores.sessions,
    profiles: stores.profiles,
    leases: stores.leases,
    audit,
    logger,
    retentionMonths: config.RETENTION_MONTHS,
    evidence: vault,
  });
  const cases = new CaseService({
    onView: (access_) => access.record({ ...access_, at: clock.now().toISOString() }),
    cases: stores.cases,
    counters: stores.counters,
    directory,
    routing: createRouting(directory, stores.bindings, notifier.handles),
    languageOf: async (userId) => (await stores.profiles.get(userId))?.language ?? 'sv',
    onQueued: () => dispatcher?.kick(),
    viewExtras: (c, viewerUserId) => repeats.sectionsFor(c, viewerUserId),
  });
  dispatcher = new Dispatcher({
    cases: stores.cases,
    outbox: stores.outbox,
    notifier,
    logger,
    now: () => clock.now(),
    // Slack's and Teams' per-conversation rates: a hate storm's alerts queue here instead of meeting 429s.
    rateLimiter: new ConversationRateLimiter(),
    // Case notifications are references: the card is rendered from the decrypted case when it is sent (issue 11).
    renderer: new CaseMessages({ cases: stores.cases, service: cases, directory }),
    onUndeliverable: async (n, _reason, now) => {
      if (n.caseId) await cases.recordUndeliverable(n.caseId, n.id, n.address, now);
    },
  });
  // The services dialogs name (DialogPlugin.service).
  const services = {
    [REPORT_SERVICE]: createReportIntake({ cases, directory, profiles, clock, logger }),
    [DISTRICT_SERVICE]: createDistrictChoice(directory, profiles),
    [GUIDANCE_SERVICE]: new CardLibrary('guide:', (topic) =>
      isGuidanceTopic(topic) ? guidanceCard(topic) : undefined,
    ),
    [INVENTORY_SERVICE]: new InventoryService({
      directory,
      keyValues: stores.keyValues,
      leases: stores.leases,
      profiles,
      notifier,
      clock,
      logger,
    }),
    ...options.extraDialogs?.services,
  };
  let serverUrl = '';
  exportKit = createExports({ config, stores, directory, clock, logger, vault, serverUrl: () => serverUrl });
  bot = createBot({
    engine,
    registry,
    services,
    stores,
    profiles,
    directory,
    cases,
    clock,
    logger,
    incidents: exportKit.incidents,
    statistics: exportKit.statistics,
    privacy: { retention, access },
  });

  const app = createHttpApp(
    stores,
    adapters.flatMap((a) => (a.checkReady ? [{ name: a.platform, check: a.checkReady.bind(a) }] : [])),
  );
  app.use(exportKit.router);
  for (const adapter of adapters) adapter.mount(app);
  installErrorHandler(app, logger);
  for (const adapter of adapters) await adapter.start();

  // People named by e-mail get their accounts from the platforms that can look them up, before anything listens;
  // the file is then watched, and an edit that validates takes effect without a restart.
  lookups.push(
    ...adapters.flatMap((a) =>
      a.lookupByEmail
        ? [
            {
              platform: a.platform,
              lookupByEmail: a.lookupByEmail.bind(a),
              ...(a.learnsEmailsOnFirstMessage ? { learnsOnFirstMessage: true } : {}),
            },
          ]
        : [],
    ),
  );
  let stopWatching: (() => void) | null = null;
  if (!options.directory) {
    await applyDirectory(directory.data, { directory, lookups, logger }).catch((error: unknown) =>
      // A platform that cannot be asked now (an outage) must not stop the start: accounts in the file still work.
      logger.error('directory: e-mail addresses could not be looked up', { reason: (error as Error).message }),
    );
    stopWatching = watchDirectoryFile({
      file: config.DIRECTORY_FILE,
      directory,
      lookups,
      logger,
      ...(options.directoryPollMs ? { pollMs: options.directoryPollMs } : {}),
    });
  }
  // Turns a crash left undone are queued before anything new can arrive, so each member's order holds.
  await inbox.recover();
  inbox.start();
  await inbox.prune();
  const server =
    options.listen === false
      ? null
      : await listen(
          app,
          config.PORT,
          config.HOST,
          adapters.flatMap((a) => a.directRoutes ?? []),
        );
  const address = server?.address();
  const url = address && typeof address === 'object' ? `http://${config.HOST}:${address.port}` : '';
  serverUrl = url;
  if (url) logger.info('listening', { url, web: webDemoEnabled(config) ? `${url}/` : 'off' });

  const intervalMs = options.dispatchIntervalMs ?? 5000;
  const timer = intervalMs > 0 ? setInterval(() => dispatcher?.kick(), intervalMs) : null;
  timer?.unref();
  const activeDispatcher = dispatcher;
  const reminders = startReminders({
    config,
    stores,
    directory,
    cases,
    dispatcher: activeDispatcher,
    clock,
    logger,
    notifierHandles: notifier.handles,
    schedule: options.schedule ?? true,
    dialogName: (dialogId) => registry.get(dialogId)?.name ?? 'bot.dialog.unknown_name',
    heldNamespaces: [MEMBER_ADDITION_NAMESPACE],
  });
  activeDispatcher.kick();
  // Beside this process, `npm run remind` cannot open the data folder (its lock): it asks us to sweep instead.
  const ownsDataDir = !options.stores && !config.MONGODB_URI && stores.exclusive;
  const adminSocket =
    ownsDataDir && options.admin !== false
      ? await startAdminSocket({
          dataDir: config.DATA_DIR,
          sweep: (at, kind) => reminders.sweep(at, kind),
          now: () => clock.now(),
          logger,
        })
      : null;

  // Retention runs once a day (and shortly after start), under its own lease; `npm run erase -- --retention` runs
  // it at once.
  const runRetention = () =>
    void retention.sweep(clock.now()).catch((error: unknown) => {
      logger.error('retention sweep failed', { code: isVaktpostError(error) ? error.code : 'internal' });
    });
  const retentionTimer = (options.schedule ?? true) ? setInterval(runRetention, 24 * 60 * 60_000) : null;
  retentionTimer?.unref();
  if (options.schedule ?? true) setTimeout(runRetention, 60_000).unref();

  return {
    config,
    url,
    app,
    server,
    stores,
    directory,
    bot: inbox,
    inbox,
    cases,
    dispatcher: activeDispatcher,
    notifier,
    adapters,
    console: consoleAdapter,
    logger,
    reminders,
    privacy: { retention, audit, access },
    exports: exportKit,
    async flush() {
      await inbox.settled();
      await activeDispatcher.drain();
    },
    async close() {
      stopWatching?.();
      if (timer) clearInterval(timer);
      reminders.stop();
      await adminSocket?.close();
      inbox.stop();
      if (retentionTimer) clearInterval(retentionTimer);
      for (const adapter of adapters) await adapter.stop();
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
      await inbox.settled();
      await activeDispatcher.drain().catch(() => undefined);
      if (!options.stores) await stores.close();
    },
  };
}

async function start(): Promise<void> {
  try {
    const vaktpost = await createVaktpost();
    const stop = async (): Promise<void> => {
      await vaktpost.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    if (vaktpost.url && webDemoEnabled(vaktpost.config)) {
      console.log(`\nVaktpost is running. Open ${vaktpost.url}/ in your browser to try it.\n`);
    }
  } catch (error) {
    if (isVaktpostError(error)) {
      console.error(`\nVaktpost could not start.\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * `npm run console`: Vaktpost in the terminal over the configured stores and directory, with no HTTP server and no
 * cron schedule (`npm run remind` runs the sweeps). Reads stdin line by line, so a conversation can be piped in.
 */
async function startConsole(): Promise<void> {
  // The chat is the point here: log lines would interleave with it, so only warnings and errors unless asked.
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  const write = (text: string): void => {
    process.stdout.write(text);
  };
  let vaktpost: Vaktpost;
  try {
    vaktpost = await createVaktpost({
      env,
      listen: false,
      schedule: false,
      console: { input: process.stdin, write, interactive: process.stdin.isTTY === true },
    });
  } catch (error) {
    if (isVaktpostError(error)) {
      process.stderr.write(`\nVaktpost could not start.\n${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  await vaktpost.console?.run();
  await vaktpost.close();
}

if (require.main === module) void (process.argv.includes('--console') ? startConsole() : start());
