import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createVaktpost, type Vaktpost, type VaktpostOptions } from '../../main';
import type { ChannelBinding } from '../../src/cases/routing';
import type { IncomingTurn } from '../../src/engine/turn';
import type { Clock } from '../../src/ports/clock';
import type { Logger } from '../../src/ports/logger';
import type { Notifier } from '../../src/ports/notifier';
import type { Stores } from '../../src/ports/stores';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { RecordingNotifier } from './recording-notifier';

/** The test directory: norrby (kim, alex; member mira), sjodal (no contacts), vastby (vera), central cecilia, sam. */
export const TEST_DIRECTORY_FILE = resolve(__dirname, '../fixtures/directory.test.yml');

/** How to start the app under test; everything is optional. */
export interface TestAppOptions {
  /** Extra environment (Slack or Teams settings, WEB_DEMO...); merged over the test defaults. */
  env?: Record<string, string | undefined>;
  /** Stores to use (default: fresh in-memory embedded stores, closed by `close()`). Given stores are not closed. */
  stores?: Stores;
  /** Notifiers beside the recording `console:` notifier (e.g. another platform's fake). */
  extraNotifiers?: Notifier[];
  /** Start the HTTP server on 127.0.0.1 and a free port (default false). */
  listen?: boolean;
  clock?: Clock;
  logger?: Logger;
  /** How often the directory file is checked for edits (default: main's 2 s). */
  directoryPollMs?: number;
  /** Dialogs beside the built-in ones, with their services. */
  extraDialogs?: VaktpostOptions['extraDialogs'];
  /**
   * Turns a member may send per window before "slow down" (default: far more than any test types, since tests type
   * whole reports in well under a minute; the flood test sets its own).
   */
  floodLimit?: { turns: number; windowMs: number };
  /** Address prefixes the recording notifier handles (default `['console:']`). */
  recordPrefixes?: string[];
}

/** A running app with a console-like user at the keyboard. */
export interface TestApp {
  vaktpost: Vaktpost;
  stores: Stores;
  /** Records every message to the `console:` addresses. */
  notifier: RecordingNotifier;
  /** The user id of a console account (`kim` → `console:kim`). */
  userId(account: string): string;
  /** The DM address of a console account (`console:dm:kim`). */
  dm(account: string): string;
  /** The user types text in their direct conversation with the bot. */
  say(account: string, text: string, eventId?: string): Promise<void>;
  /** The user presses a button (action id and value as the core gave them), with typed or chosen input if any. */
  press(account: string, actionId: string, value: string, input?: string, eventId?: string): Promise<void>;
  /** Hands any turn to the bot (for turns say/press do not cover: channels, duplicates, attachments). */
  turn(turn: IncomingTurn): Promise<void>;
  /** Binds a channel to the district (default `console:channel:<district>`), as `bind <district>` would. */
  bind(districtId: string, address?: string): Promise<void>;
  /** Delivers everything due now. */
  flush(): Promise<void>;
  /** Stops the app and closes the stores it opened; a second call does nothing. */
  close(): Promise<void>;
}

/** Starts Vaktpost as main.ts does, with in-memory stores, no schedule, no dispatch timer, and no HTTP unless asked. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const ownStores = options.stores === undefined;
  const stores = options.stores ?? (await createEmbeddedStores({}));
  const notifier = new RecordingNotifier(options.recordPrefixes ?? ['console:']);
  const env: Record<string, string | undefined> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DIRECTORY_FILE: TEST_DIRECTORY_FILE,
    LOG_LEVEL: 'silent',
    ...options.env,
  };
  const vaktpost = await createVaktpost({
    env,
    stores,
    extraNotifiers: [notifier, ...(options.extraNotifiers ?? [])],
    schedule: false,
    dispatchIntervalMs: 0,
    floodLimit: options.floodLimit ?? { turns: 10_000, windowMs: 60_000 },
    listen: options.listen ?? false,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.directoryPollMs ? { directoryPollMs: options.directoryPollMs } : {}),
    ...(options.extraDialogs ? { extraDialogs: options.extraDialogs } : {}),
  });
  const clock = options.clock ?? { now: () => new Date() };

  let closed = false;
  const userId = (account: string): string => `console:${account}`;
  const dm = (account: string): string => `console:dm:${account}`;
  const displayName = (account: string): string => vaktpost.directory.personOf(userId(account))?.name ?? account;
  const baseTurn = (account: string, eventId: string | undefined): IncomingTurn => ({
    eventId: eventId ?? randomUUID(),
    platform: 'console',
    address: dm(account),
    isDirect: true,
    user: { id: userId(account), displayName: displayName(account), locale: 'sv-SE' },
  });
  const turn = async (t: IncomingTurn): Promise<void> => {
    await vaktpost.bot.handleTurn(t);
    await vaktpost.flush();
  };

  return {
    vaktpost,
    stores,
    notifier,
    userId,
    dm,
    say: (account, text, eventId) => turn({ ...baseTurn(account, eventId), text }),
    press: (account, actionId, value, input, eventId) =>
      turn({
        ...baseTurn(account, eventId),
        action: { id: actionId, value, ...(input === undefined ? {} : { input }) },
      }),
    turn,
    async bind(districtId, address = `console:channel:${districtId}`) {
      const binding: ChannelBinding = {
        districtId,
        address,
        boundBy: 'test',
        boundAt: clock.now().toISOString(),
      };
      await stores.bindings.bind(binding);
    },
    flush: () => vaktpost.flush(),
    async close() {
      if (closed) return;
      closed = true;
      await vaktpost.close();
      if (ownStores) await stores.close();
    },
  };
}
