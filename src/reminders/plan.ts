import type { Case, ChecklistItemId, PersonRef } from '../domain/case';
import { dateOnly } from '../cases/format-time';

/** Which sweep to run: the daily digest, the escalation of untaken cases, or both. */
export type SweepKind = 'digest' | 'escalation' | 'both';

/** The windows of the reminders (ESCALATION_URGENT_MINUTES, ESCALATION_NORMAL_MINUTES; two days' notice). */
export interface SweepSettings {
  /** How long an urgent case may stay untaken before each escalation (default 30 minutes). */
  urgentWindowMs: number;
  /** How long any other case may stay untaken before each escalation (default 4 hours). */
  normalWindowMs: number;
  /** How far ahead a checklist item counts as due soon, by calendar day in Stockholm (default 2 days). */
  dueSoonMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const DEFAULT_SWEEP_SETTINGS: SweepSettings = {
  urgentWindowMs: 30 * MINUTE,
  normalWindowMs: 4 * 60 * MINUTE,
  dueSoonMs: 2 * DAY,
};

/** A checklist item the owner should hear about. */
export interface ItemReminder {
  item: ChecklistItemId;
  dueAt: string;
  state: 'overdue' | 'due_soon';
}

/** One open case in an owner's digest, with its items: overdue first, then due soon, each oldest due first. */
export interface OwnedCaseDigest {
  case: Case;
  items: ItemReminder[];
}

/** One message to one owner listing all their open cases. */
export interface OwnerDigest {
  owner: PersonRef;
  /** Cases with overdue items first, then cases with items due soon, then the rest (oldest first within each). */
  cases: OwnedCaseDigest[];
}

/** The cases of one district that nobody has taken yet, for its alert channels. */
export interface DistrictDigest {
  districtId: string;
  /** Urgent first, then oldest first. */
  cases: Case[];
}

/** An escalation to write: case `caseId` has been untaken for `n` windows and was escalated `previous` times. */
export interface EscalationDue {
  caseId: string;
  number: string;
  districtId: string;
  urgent: boolean;
  /** The escalation number to write (windows elapsed since the case came in). */
  n: number;
  /** `escalations` as read; the write is only valid while the case still says so. */
  previous: number;
  /** When escalation `n` became due: createdAt + n × window. */
  dueAt: string;
}

/** What a sweep at one moment has to do. */
export interface SweepPlan {
  /** The Stockholm calendar date of the sweep (YYYY-MM-DD): digests are sent once per recipient and date. */
  date: string;
  ownerDigests: OwnerDigest[];
  districtDigests: DistrictDigest[];
  escalations: EscalationDue[];
}

/** The escalation window of a case. */
export function escalationWindowMs(c: Pick<Case, 'urgent'>, settings: SweepSettings): number {
  return c.urgent ? settings.urgentWindowMs : settings.normalWindowMs;
}

/**
 * The escalation due for the case at `now`, or null. Escalation `n` is due at createdAt + n × window while nobody has
 * taken the case. After a pause (the bot was down) the case jumps to the number of windows elapsed instead of
 * repeating every missed escalation in a burst.
 */
export function escalationDue(c: Case, now: Date, settings: SweepSettings): EscalationDue | null {
  if (c.owner !== null || c.status === 'closed') return null;
  const window = escalationWindowMs(c, settings);
  if (window <= 0) return null;
  const n = Math.floor((now.getTime() - Date.parse(c.createdAt)) / window);
  if (n <= c.escalations) return null;
  return {
    caseId: c.id,
    number: c.number,
    districtId: c.districtId,
    urgent: c.urgent,
    n,
    previous: c.escalations,
    dueAt: new Date(Date.parse(c.createdAt) + n * window).toISOString(),
  };
}

/**
 * The open checklist items of a case that are overdue (their due time has passed) or due soon (due on or before the
 * Stockholm calendar date `dueSoonMs` ahead, so a 14-day item is announced on the morning two days before, whatever
 * the hour the case came in).
 */
export function itemReminders(c: Case, now: Date, settings: SweepSettings): ItemReminder[] {
  const soonDate = dateOnly(new Date(now.getTime() + settings.dueSoonMs).toISOString());
  const found: ItemReminder[] = [];
  for (const item of c.checklist) {
    if (item.doneAt !== null) continue;
    if (Date.parse(item.dueAt) <= now.getTime()) found.push({ item: item.id, dueAt: item.dueAt, state: 'overdue' });
    else if (dateOnly(item.dueAt) <= soonDate) found.push({ item: item.id, dueAt: item.dueAt, state: 'due_soon' });
  }
  const rank = (r: ItemReminder): number => (r.state === 'overdue' ? 0 : 1);
  return found.sort((a, b) => rank(a) - rank(b) || Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

const oldestFirst = (a: Case, b: Case): number =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.number.localeCompare(b.number);

/** Orders an owner's cases: overdue items first, then items due soon, then the rest; earliest due first. */
function ownerOrder(a: OwnedCaseDigest, b: OwnedCaseDigest): number {
  const rank = (d: OwnedCaseDigest): number => (d.items[0] === undefined ? 2 : d.items[0].state === 'overdue' ? 0 : 1);
  const firstDue = (d: OwnedCaseDigest): number => (d.items[0] ? Date.parse(d.items[0].dueAt) : 0);
  return rank(a) - rank(b) || firstDue(a) - firstDue(b) || oldestFirst(a.case, b.case);
}

function planDigests(
  cases: Case[],
  now: Date,
  settings: SweepSettings,
): Pick<SweepPlan, 'ownerDigests' | 'districtDigests'> {
  const owners = new Map<string, OwnerDigest>();
  const districts = new Map<string, DistrictDigest>();
  for (const c of cases) {
    if (c.status === 'closed') continue;
    if (c.owner) {
      const digest = owners.get(c.owner.userId) ?? { owner: c.owner, cases: [] };
      digest.cases.push({ case: c, items: itemReminders(c, now, settings) });
      owners.set(c.owner.userId, digest);
    } else {
      const digest = districts.get(c.districtId) ?? { districtId: c.districtId, cases: [] };
      digest.cases.push(c);
      districts.set(c.districtId, digest);
    }
  }
  const ownerDigests = [...owners.values()]
    .map((d) => ({ ...d, cases: d.cases.sort(ownerOrder) }))
    .sort((a, b) => a.owner.userId.localeCompare(b.owner.userId));
  const districtDigests = [...districts.values()]
    .map((d) => ({ ...d, cases: d.cases.sort((a, b) => Number(b.urgent) - Number(a.urgent) || oldestFirst(a, b)) }))
    .sort((a, b) => a.districtId.localeCompare(b.districtId));
  return { ownerDigests, districtDigests };
}

/**
 * Decides what is due at `now`: a pure function of the cases and the time, so node-cron, `npm run remind -- --at`
 * and the tests all get the same answer. Cases that came in after `now` are ignored (a sweep "at" a past moment).
 */
export function planSweep(cases: Case[], now: Date, settings: SweepSettings, kind: SweepKind): SweepPlan {
  const present = cases.filter((c) => Date.parse(c.createdAt) <= now.getTime());
  const digests =
    kind === 'escalation' ? { ownerDigests: [], districtDigests: [] } : planDigests(present, now, settings);
  const escalations =
    kind === 'digest'
      ? []
      : present
          .map((c) => escalationDue(c, now, settings))
          .filter((e): e is EscalationDue => e !== null)
          .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.number.localeCompare(b.number));
  return { date: dateOnly(now.toISOString()), ...digests, escalations };
}
