import { resolve } from 'node:path';
import { CaseService, type Actor, type SubmitInput } from '../../src/cases/case-service';
import { createRouting, type ChannelBinding } from '../../src/cases/routing';
import { Dispatcher } from '../../src/delivery/dispatcher';
import { CaseMessages } from '../../src/notifications/case-messages';
import type { Directory } from '../../src/directory/directory';
import { loadDirectory } from '../../src/directory/load-directory';
import type { Case } from '../../src/domain/case';
import type { Report } from '../../src/domain/report';
import { createMemoryLogger } from '../../src/ports/logger';
import type { Stores } from '../../src/ports/stores';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { makeReport as baseReport } from '../support/fixtures';
import { RecordingNotifier } from '../support/recording-notifier';

/** The test directory: norrby (kim, alex; member mira), sjodal (no contacts), vastby (vera), central cecilia, sam. */
export const TEST_DIRECTORY_FILE = resolve(__dirname, '../fixtures/directory.test.yml');

/** Words of the report that must never reach a channel (DOMAIN rule 11). */
export const SECRET = {
  description: 'Ett hotfullt brev låg i brevlådan med min adress och en bild på mitt hus.',
  place: 'Storgatan 5, Norrby',
  target: 'Mira Medlem',
};

/** A valid report with distinctive text, so a test can look for it where it must not be. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return baseReport({
    target: { name: SECRET.target, role: 'Ledamot i kommunfullmäktige' },
    description: SECRET.description,
    channels: ['letter'],
    ladderStep: 'letter_or_parcel',
    when: { approximate: 'i går kväll', ongoing: false },
    where: { place: SECRET.place },
    ...overrides,
  });
}

/**
 * The case service wired as main.ts wires it (routing over stored bindings, outbox, dispatcher, fallback on
 * undeliverable notifications), over in-memory stores, the test directory, a recording notifier for `console:`
 * addresses and a clock the test moves. Nothing is delivered until the test calls `flush()`.
 */
export interface CaseWorld {
  stores: Stores;
  directory: Directory;
  notifier: RecordingNotifier;
  cases: CaseService;
  dispatcher: Dispatcher;
  /** The time the world's clock shows; `advance` moves it. */
  now(): Date;
  advance(ms: number): void;
  /** Binds a channel to the district, as `bind <district>` does (default `console:channel:<district>`). */
  bind(districtId: string, address?: string): Promise<void>;
  /** The actor for a directory person id (`kim` → console:kim, "Kim Kontakt"); unknown ids get their id as name. */
  actor(personId: string): Actor;
  /** Submits a report as the person (self-report in their directory district unless overridden). */
  submit(
    personId: string,
    overrides?: Omit<Partial<SubmitInput>, 'report'> & { report?: Partial<Report> },
  ): Promise<Case>;
  /** Delivers everything due. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

let directoryCache: Promise<Directory> | undefined;
let submitSequence = 0;

/** Builds a fresh world with empty stores; the clock starts at `start` (default a Monday in March 2026, 13:02 UTC). */
export async function createCaseWorld(start = new Date('2026-03-02T13:02:00.000Z')): Promise<CaseWorld> {
  directoryCache ??= loadDirectory(TEST_DIRECTORY_FILE);
  const directory = await directoryCache;
  const stores = await createEmbeddedStores({});
  const notifier = new RecordingNotifier(['console:']);
  let time = start.getTime();
  const now = (): Date => new Date(time);
  const cases = new CaseService({
    cases: stores.cases,
    counters: stores.counters,
    directory,
    routing: createRouting(directory, stores.bindings, (address) => notifier.handles(address)),
    languageOf: async (userId) => (await stores.profiles.get(userId))?.language ?? 'sv',
    onQueued: () => undefined,
  });
  const dispatcher = new Dispatcher({
    cases: stores.cases,
    outbox: stores.outbox,
    notifier,
    logger: createMemoryLogger(),
    now,
    renderer: new CaseMessages({ cases: stores.cases, service: cases, directory }),
    onUndeliverable: async (n, _reason, at) => {
      if (n.caseId) await cases.recordUndeliverable(n.caseId, n.id, n.address, at);
    },
  });
  const actor = (personId: string): Actor => ({
    userId: `console:${personId}`,
    displayName: directory.person(personId)?.name ?? personId,
  });
  return {
    stores,
    directory,
    notifier,
    cases,
    dispatcher,
    now,
    advance: (ms) => {
      time += ms;
    },
    async bind(districtId, address = `console:channel:${districtId}`) {
      const binding: ChannelBinding = { districtId, address, boundBy: 'console:kim', boundAt: now().toISOString() };
      await stores.bindings.bind(binding);
    },
    actor,
    async submit(personId, overrides = {}) {
      const { report: reportOverrides, ...rest } = overrides;
      const who = actor(personId);
      const report = makeReport(reportOverrides);
      submitSequence += 1;
      return cases.submit(
        {
          id: `case-${submitSequence}`,
          reporter: { ...who, address: `console:dm:${personId}`, language: 'sv' },
          districtId: directory.districtOfUser(who.userId)?.id ?? 'norrby',
          report,
          exposedUserId: report.reporter.onBehalf ? null : who.userId,
          ...rest,
        },
        now(),
      );
    },
    flush: () => dispatcher.drain(),
    close: () => stores.close(),
  };
}

/** Runs the call and returns the error code it was refused with, or 'ok'. */
export async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    throw error;
  }
}
