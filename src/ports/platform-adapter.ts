import type { Express } from 'express';
import type { Platform, TurnHandler } from '../engine/turn';
import type { Clock } from './clock';
import type { EventLog } from './event-log';
import type { KeyValueStore } from './key-value-store';
import type { Logger } from './logger';
import type { Notifier } from './notifier';

/** What every platform adapter gets from main.ts. */
export interface AdapterDeps {
  /** The core: adapters hand it every user action as an IncomingTurn. */
  bot: TurnHandler;
  /** Adapter state that must last: message ids per update key, conversation references, bindings. */
  keyValues: KeyValueStore;
  /** Platform event ids already handled (retries and redeliveries change nothing). */
  events: EventLog;
  logger: Logger;
  clock: Clock;
}

/** What a readiness check found; `reason` says what to fix, for the operator reading /readyz. */
export interface ReadinessResult {
  ok: boolean;
  /** Why not ready (or a note when ready), in plain words naming the setting to check. */
  reason?: string;
}

/** A platform adapter: it only translates between its platform and the neutral core. */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** Sends neutral messages to this platform's addresses. */
  readonly notifier: Notifier;
  /** Adds the adapter's routes to the one HTTP server. */
  mount(app: Express): void;
  /** Starts anything that runs beside HTTP (e.g. Slack Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Checks the platform's credentials for /readyz (Slack's auth.test, a Bot Framework token); none to check: absent. */
  checkReady?(): Promise<ReadinessResult>;
}
