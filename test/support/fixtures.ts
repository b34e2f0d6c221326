import { inboxEntrySchema, type InboxEntry } from '../../src/ports/inbox';
import type { IncomingTurn } from '../../src/engine/turn';
import { caseSchema, type Case } from '../../src/domain/case';
import { notificationDraftSchema, notificationSchema, type Notification } from '../../src/domain/notification';
import type { NotificationDraft } from '../../src/domain/notification';
import { reportSchema, type Report } from '../../src/domain/report';
import { sessionSchema, type Session } from '../../src/engine/session';

/**
 * Builders of valid domain records for tests. Every builder validates its result with the domain schema, so a test
 * never passes because it stored something the application could not have produced. Names, districts and addresses
 * are invented.
 */

let sequence = 0;
const nextSequence = (): number => {
  sequence += 1;
  return sequence;
};

/** Time used by the fixtures: a fixed moment, so nothing depends on the clock. */
export const FIXTURE_TIME = '2026-03-02T09:30:00.000Z';

/** A notification draft as a case carries it in `pendingNotifications`. */
export function makeDraft(overrides: Partial<NotificationDraft> = {}): NotificationDraft {
  const n = nextSequence();
  return notificationDraftSchema.parse({
    id: `case-${n}:submitted:slack:T1:C${n}`,
    address: `slack:T1:C${n}`,
    message: { language: 'sv', prompt: { kind: 'message', text: { key: 'alert.new', params: { number: n } } } },
    createdAt: FIXTURE_TIME,
    ...overrides,
  });
}

/** A valid self-report of a threat by e-mail; the one report builder of the tests. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return reportSchema.parse({
    urgent: false,
    language: 'sv',
    reporter: { onBehalf: false, nameAndRole: 'Test Ledamot, ersättare i kommunfullmäktige' },
    target: { name: 'Test Ledamot', role: 'Kommunfullmäktige' },
    categories: ['threat'],
    description: 'Ett hotfullt mejl från avsandare@example.org efter debatten.',
    channels: ['email'],
    ladderStep: 'written_online',
    when: { approximate: 'förra veckan', ongoing: false },
    where: { platformOrLink: 'e-post' },
    perpetrator: { known: 'unknown', count: 'one' },
    evidence: [],
    police: { status: 'not_contacted' },
    support: { needed: 'dont_know' },
    informed: { partySecurity: false },
    consentMunicipality: false,
    ...overrides,
  });
}

/** A submitted, untaken case in district `norrby`; each call gets a new id and number unless overridden. */
export function makeCase(overrides: Partial<Case> = {}): Case {
  const n = nextSequence();
  const reporter = { userId: `web:test-ledamot-${n}`, displayName: 'Test Ledamot' };
  const base: Case = {
    id: `case-${n}`,
    number: `VP-2026-${String(n).padStart(4, '0')}`,
    districtId: 'norrby',
    urgent: false,
    status: 'new',
    createdAt: FIXTURE_TIME,
    updatedAt: FIXTURE_TIME,
    revision: 0,
    reporter: { ...reporter, address: `web:dm:test-ledamot-${n}`, language: 'sv' },
    exposedUserId: reporter.userId,
    report: makeReport(),
    owner: null,
    takenAt: null,
    pendingHandover: null,
    sharedWithMunicipality: null,
    checklist: [],
    closeReason: null,
    timeline: [{ kind: 'submitted', at: FIXTURE_TIME, by: reporter }],
    escalations: 0,
    lastEscalatedAt: null,
    pendingNotifications: [],
  };
  return caseSchema.parse({ ...base, ...overrides });
}

/** A person as cases refer to them, e.g. a district's security contact. */
export function makePerson(name: string): { userId: string; displayName: string } {
  return { userId: `web:${name.toLowerCase().replace(/\s+/g, '-')}`, displayName: name };
}

/** A notification waiting in the outbox, due at FIXTURE_TIME. */
export function makeNotification(overrides: Partial<Notification> = {}): Notification {
  const draft = makeDraft();
  return notificationSchema.parse({
    ...draft,
    caseId: 'case-outbox',
    seq: 0,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: FIXTURE_TIME,
    sentAt: null,
    lastError: null,
    claimedBy: null,
    claimedUntil: null,
    ...overrides,
  });
}

/** A dialog session part-way through the report dialog. */
export function makeSession(overrides: Partial<Session> = {}): Session {
  const n = nextSequence();
  return sessionSchema.parse({
    key: `web:test-ledamot-${n}`,
    userId: `web:test-ledamot-${n}`,
    displayName: 'Test Ledamot',
    address: `web:dm:test-ledamot-${n}`,
    dialogId: 'report',
    dialogVersion: 1,
    language: 'sv',
    stepId: 'description',
    answers: { categories: ['threat'], channels: ['email'] },
    trail: ['categories', 'channels'],
    returnToSummary: false,
    paused: false,
    context: { districtKnown: 'true' },
    startedAt: FIXTURE_TIME,
    updatedAt: FIXTURE_TIME,
    revision: 0,
    ...overrides,
  });
}

/** An inbox entry as an adapter's accept writes it: a member's text, pending, claimed by the receiving process. */
export function makeInboxEntry(overrides: Partial<InboxEntry> = {}, turn: Partial<IncomingTurn> = {}): InboxEntry {
  const n = nextSequence();
  const fullTurn: IncomingTurn = {
    eventId: `Ev${n}`,
    platform: 'slack',
    address: `slack:dm:U${n}`,
    isDirect: true,
    user: { id: `slack:U${n}`, displayName: 'Test Ledamot', locale: 'sv-SE' },
    text: '{"$where": "1"} någon skrev till mig. igen',
    ...turn,
  };
  return inboxEntrySchema.parse({
    id: `slack:${fullTurn.eventId}`,
    member: fullTurn.user.id,
    turn: fullTurn,
    receivedAt: FIXTURE_TIME,
    seq: n,
    status: 'pending',
    outcome: null,
    doneAt: null,
    claimedBy: 'inbox-a',
    claimedUntil: '2026-03-02T09:32:00.000Z',
    ...overrides,
  });
}
