import type { Express } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IncomingTurn, Platform, TurnHandler } from '../engine/turn';
import type { ChannelBindingStore } from './channel-binding-store';
import type { Clock } from './clock';
import type { EvidenceKeeper } from './evidence';
import type { TurnIntake } from './inbox';
import type { KeyValueStore } from './key-value-store';
import type { Logger } from './logger';
import type { Notifier } from './notifier';

/** What every platform adapter gets from main.ts. */
export interface AdapterDeps {
  /**
   * The core behind the inbox, for adapters that wait for the answer (the web demo): the turn is stored, processed,
   * and this resolves when it has been.
   */
  bot: TurnHandler;
  /** The durable inbox: an adapter acks a platform delivery only after `accept` resolved. */
  intake: TurnIntake;
  /**
   * The outgoing queue, for the few messages an adapter words itself outside any turn (a modal that could not open):
   * they go through the outbox like everything else. Inside a turn (`prepareTurn`) the turn's own outbox is used.
   */
  messages: Notifier;
  /** Adapter state that must last: message ids per update key, conversation references, bindings. */
  keyValues: KeyValueStore;
  /** Channels bound to districts (the demos bind their own channel views). */
  bindings: ChannelBindingStore;
  logger: Logger;
  clock: Clock;
  /**
   * Vaktpost's encrypted copies of evidence files: adapters download a member's file at arrival and keep it here,
   * and send the copy to the case's owner. Absent: files stay platform references only (tests of other things).
   */
  evidence?: EvidenceKeeper;
  /** A short-lived link to an evidence file's copy, for platforms that cannot receive the file itself (Teams). */
  evidenceLink?: (caseId: string, blob: string, userId: string) => { url: string; hours: number } | null;
  /** The e-mail addresses the directory names without an account on this platform (Teams asks the sender's). */
  emailsWanted?: (platform: string) => string[];
  /** Called when the adapter learnt an account for one of those addresses: the directory is resolved again. */
  accountsLearned?: (platform: string) => Promise<void>;
}

/** What a readiness check found; `reason` says what to fix, for the operator reading /readyz. */
export interface ReadinessResult {
  ok: boolean;
  /** Why not ready (or a note when ready), in plain words naming the setting to check. */
  reason?: string;
}

/** A POST endpoint served straight from Node's HTTP server (see `PlatformAdapter.directRoutes`). */
export interface DirectRoute {
  /** The path, without a query string (`/slack/events`). */
  path: string;
  /** Handles the request and answers it. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
}

/** A platform adapter: it only translates between its platform and the neutral core. */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** Sends neutral messages to this platform's addresses. */
  readonly notifier: Notifier;
  /** Adds the adapter's routes to the one HTTP server. */
  mount(app: Express): void;
  /**
   * Routes the HTTP server hands to the adapter before Express sees the request: a platform's busiest endpoint
   * (Slack's events) skips Express's per-request work. `mount` adds the same handlers to Express too.
   */
  readonly directRoutes?: DirectRoute[];
  /**
   * Completes a stored turn just before the core processes it, with what needs a platform call (Slack: the member's
   * name and locale), so the ack path stays one store write. What it tells the member (a file that could not be kept)
   * goes through `messages`, the outbox bound to the turn: a replayed turn does not queue it twice.
   */
  prepareTurn?(turn: IncomingTurn, messages: Notifier): Promise<IncomingTurn>;
  /** Starts anything that runs beside HTTP (e.g. Slack Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Finds accounts by e-mail for people the directory names by address (Slack: users.lookupByEmail). */
  lookupByEmail?(emails: string[]): Promise<Map<string, string>>;
  /** True when `lookupByEmail` only knows people who have written already (Teams); they are bound as they write. */
  readonly learnsEmailsOnFirstMessage?: boolean;
  /** Checks the platform's credentials for /readyz (Slack's auth.test, a Bot Framework token); none to check: absent. */
  checkReady?(): Promise<ReadinessResult>;
}
