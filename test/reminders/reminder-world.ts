import { CaseService, type Actor } from '../../src/cases/case-service';
import { createRouting, type ChannelBinding } from '../../src/cases/routing';
import { Dispatcher, type DispatcherDeps } from '../../src/delivery/dispatcher';
import { CaseMessages } from '../../src/notifications/case-messages';
import { parseDirectory } from '../../src/directory/load-directory';
import type { Case, ChecklistItemId } from '../../src/domain/case';
import type { Report } from '../../src/domain/report';
import type { OutgoingMessage } from '../../src/engine/prompt';
import type { Clock } from '../../src/ports/clock';
import { createMemoryLogger, type Logger } from '../../src/ports/logger';
import { DeliveryError, type DeliveryFailure, type Notifier, type SendOptions } from '../../src/ports/notifier';
import type { Stores } from '../../src/ports/stores';
import { DEFAULT_SWEEP_SETTINGS, type SweepSettings } from '../../src/reminders/plan';
import { Reminders } from '../../src/reminders/reminders';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { makeReport as baseReport } from '../support/fixtures';
import { RecordingNotifier } from '../support/recording-notifier';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * The directory of these tests (invented people): norrby has two contacts and a bound channel, vastby one contact and
 * no channel (its alerts go to Vera's DMs), sjodal no contacts at all (the central contact, Cecilia, gets its alerts).
 */
export const directory = parseDirectory(
  {
    organisation: 'Testpartiet',
    people: [
      { id: 'kim', name: 'Kim Kontakt', accounts: { console: 'kim' } },
      { id: 'alex', name: 'Alex Andrakontakt', accounts: { console: 'alex' } },
      { id: 'vera', name: 'Vera Västkontakt', accounts: { console: 'vera' } },
      { id: 'cecilia', name: 'Cecilia Central', accounts: { console: 'cecilia' } },
      { id: 'mira', name: 'Mira Medlem', accounts: { console: 'mira' } },
      { id: 'olle', name: 'Olle Ledamot', accounts: { console: 'olle' } },
    ],
    districts: [
      { id: 'norrby', name: 'Norrby', contacts: ['kim', 'alex'], members: ['mira', 'olle'] },
      { id: 'vastby', name: 'Västby', contacts: ['vera'] },
      { id: 'sjodal', name: 'Sjödal', contacts: [] },
    ],
    centralContact: 'cecilia',
  },
  'reminder-world',
);

export const CHANNEL = 'console:channel:norrby';
export const dm = (personId: string): string => `console:dm:${personId}`;

/** A clock the test moves. */
export interface FakeClock extends Clock {
  advance(ms: number): void;
  set(at: Date | string | number): void;
}

export function fakeClock(start: Date | string): FakeClock {
  let time = new Date(start).getTime();
  return {
    now: () => new Date(time),
    advance: (ms) => {
      time += ms;
    },
    set: (at) => {
      time = new Date(at).getTime();
    },
  };
}

/**
 * The platform as the dispatcher meets it: records what arrives (RecordingNotifier) and can be told to fail, for a
 * while or for some addresses, the way Slack and Teams do (429 with Retry-After, 5xx, network errors). Counts every
 * attempt, so a test can say how hard the dispatcher knocked.
 */
export class FlakyPlatform implements Notifier {
  readonly recorder = new RecordingNotifier(['console:']);
  attempts = 0;
  private failure: ((address: string) => DeliveryFailure | null) | null = null;

  handles(address: string): boolean {
    return this.recorder.handles(address);
  }

  async send(address: string, message: OutgoingMessage, options?: SendOptions): Promise<void> {
    this.attempts += 1;
    const failure = this.failure?.(address) ?? null;
    if (failure) throw new DeliveryError(failure);
    await this.recorder.send(address, message, options);
  }

  /** From now on every send is answered by `rule` (null: accepted), until `recover()`. */
  failWith(rule: (address: string) => DeliveryFailure | null): void {
    this.failure = rule;
  }

  recover(): void {
    this.failure = null;
  }
}

/** A valid report; urgent when asked. Its text never matters to reminders, which never show it. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return baseReport({
    target: { name: 'Hemlig Person', role: 'Ledamot' },
    description: 'HEMLIG RAPPORTTEXT som aldrig får synas i en påminnelse.',
    where: { place: 'Hemliga gatan 1' },
    ...overrides,
  });
}

/** One running Vaktpost process as far as delivery and reminders go: its own services over shared stores. */
export interface Node {
  cases: CaseService;
  dispatcher: Dispatcher;
  reminders: Reminders;
  logger: Logger;
}

export interface NodeOptions {
  settings?: SweepSettings;
  /** Wraps the dispatcher's stores, e.g. to inject a crash at one step. */
  dispatcherDeps?: (deps: DispatcherDeps) => DispatcherDeps;
}

/** Wires a node the way main.ts does (CaseService, Dispatcher with the undeliverable fallback, Reminders). */
export function createNode(stores: Stores, platform: Notifier, clock: Clock, options: NodeOptions = {}): Node {
  const logger = createMemoryLogger();
  const handles = (address: string): boolean => platform.handles(address);
  const routing = createRouting(directory, stores.bindings, handles);
  const languageOf = async (userId: string) => (await stores.profiles.get(userId))?.language ?? 'sv';
  const cases = new CaseService({
    cases: stores.cases,
    counters: stores.counters,
    directory,
    routing,
    languageOf,
    onQueued: () => undefined,
  });
  const deps: DispatcherDeps = {
    cases: stores.cases,
    outbox: stores.outbox,
    notifier: platform,
    logger,
    now: () => clock.now(),
    renderer: new CaseMessages({ cases: stores.cases, service: cases, directory }),
    onUndeliverable: async (n, _reason, at) => {
      if (n.caseId) await cases.recordUndeliverable(n.caseId, n.id, n.address, at);
    },
  };
  const dispatcher = new Dispatcher(options.dispatcherDeps ? options.dispatcherDeps(deps) : deps);
  const reminders = new Reminders({
    cases: stores.cases,
    outbox: stores.outbox,
    leases: stores.leases,
    directory,
    routing,
    languageOf,
    handles,
    settings: options.settings ?? DEFAULT_SWEEP_SETTINGS,
    leaseClock: clock,
    logger,
    onQueued: () => undefined,
  });
  return { cases, dispatcher, reminders, logger };
}

/** A whole test world: in-memory stores (unless given), the flaky platform, a fake clock and one node. */
export interface World extends Node {
  stores: Stores;
  platform: FlakyPlatform;
  /** What arrived, as a person would read it. */
  sent: RecordingNotifier;
  clock: FakeClock;
  actor(personId: string): Actor;
  submit(personId: string, options?: { districtId?: string; urgent?: boolean }): Promise<Case>;
  take(caseId: string, personId: string): Promise<Case>;
  tick(caseId: string, personId: string, items: ChecklistItemId[]): Promise<void>;
  /** Delivers everything due now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

let submitted = 0;

/** Monday 2 March 2026, 08:00 in Stockholm (07:00 UTC): digest time. */
export const MONDAY_8 = '2026-03-02T07:00:00.000Z';

export async function createWorld(
  start: Date | string = MONDAY_8,
  options: NodeOptions & { stores?: Stores } = {},
): Promise<World> {
  const stores = options.stores ?? (await createEmbeddedStores({}));
  const platform = new FlakyPlatform();
  const clock = fakeClock(start);
  const node = createNode(stores, platform, clock, options);
  const binding: ChannelBinding = { districtId: 'norrby', address: CHANNEL, boundBy: 'console:kim', boundAt: MONDAY_8 };
  await stores.bindings.bind(binding);
  const actor = (personId: string): Actor => ({
    userId: `console:${personId}`,
    displayName: directory.person(personId)?.name ?? personId,
  });
  return {
    ...node,
    stores,
    platform,
    sent: platform.recorder,
    clock,
    actor,
    async submit(personId, { districtId, urgent = false } = {}) {
      submitted += 1;
      const who = actor(personId);
      return node.cases.submit(
        {
          id: `case-${submitted}-${Math.random().toString(36).slice(2, 8)}`,
          reporter: { ...who, address: dm(personId), language: 'sv' },
          districtId: districtId ?? directory.districtOfUser(who.userId)?.id ?? 'norrby',
          report: makeReport({ urgent, when: { approximate: 'nu', ongoing: urgent } }),
          exposedUserId: who.userId,
        },
        clock.now(),
      );
    },
    take: (caseId, personId) => node.cases.take(caseId, actor(personId), clock.now()),
    async tick(caseId, personId, items) {
      for (const item of items) await node.cases.tick(caseId, actor(personId), item, null, clock.now());
    },
    flush: () => node.dispatcher.drain(),
    close: () => (options.stores ? Promise.resolve() : stores.close()),
  };
}
