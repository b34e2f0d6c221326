import type { CaseSummary, ChecklistItemId, PersonRef } from '../domain/case';
import { BoundedList } from './bounded-list';
import { dateOnly } from '../cases/format-time';
import { policeNumberMissing } from '../police/police-reminder';

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
  case: CaseSummary;
  items: ItemReminder[];
  /** The member wanted to report to the police and, a week on, no police case number is recorded. */
  policeNumberMissing: boolean;
}

/** One message to one owner listing their open cases. */
export interface OwnerDigest {
  owner: PersonRef;
  /**
   * The first of their cases in digest order (at most the planner's `keep`): cases with overdue items first, then
   * cases with items due soon, then the rest (oldest first within each).
   */
  cases: OwnedCaseDigest[];
  /** All their open cases, and the overdue and due-soon items over all of them (the digest says "and N more"). */
  total: number;
  overdue: number;
  dueSoon: number;
}

/** The cases of one district that nobody has taken yet, for its alert channels. */
export interface DistrictDigest {
  districtId: string;
  /** The first (at most `keep`): urgent first, then oldest first. */
  cases: CaseSummary[];
  /** All its untaken cases. */
  total: number;
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
export function escalationWindowMs(c: Pick<CaseSummary, 'urgent'>, settings: SweepSettings): number {
  return c.urgent ? settings.urgentWindowMs : settings.normalWindowMs;
}

/**
 * The escalation due for the case at `now`, or null. Escalation `n` is due at createdAt + n × window while nobody has
 * taken the case. After a pause (the bot was down) the case jumps to the number of windows elapsed instead of
 * repeating every missed escalation in a burst.
 */
export function escalationDue(c: CaseSummary, now: Date, settings: SweepSettings): EscalationDue | null {
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
export function itemReminders(c: Pick<CaseSummary, 'checklist'>, now: Date, settings: SweepSettings): ItemReminder[] {
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

const oldestFirst = (a: CaseSummary, b: CaseSummary): number =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.number.localeCompare(b.number);

/** Orders an owner's cases: overdue items first, then items due soon, then the rest; earliest due first. */
function ownerOrder(a: OwnedCaseDigest, b: OwnedCaseDigest): number {
  // A missing police number counts as something due soon, so such a case is among those the digest shows.
  const rank = (d: OwnedCaseDigest): number =>
    d.items[0] === undefined ? (d.policeNumberMissing ? 1 : 2) : d.items[0].state === 'overdue' ? 0 : 1;
  const firstDue = (d: OwnedCaseDigest): number => (d.items[0] ? Date.parse(d.items[0].dueAt) : 0);
  return rank(a) - rank(b) || firstDue(a) - firstDue(b) || oldestFirst(a.case, b.case);
}

const districtOrder = (a: CaseSummary, b: CaseSummary): number =>
  Number(b.urgent) - Number(a.urgent) || oldestFirst(a, b);

const escalationOrder = (a: EscalationDue, b: EscalationDue): number =>
  Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.number.localeCompare(b.number);

interface OwnerTally {
  owner: PersonRef;
  cases: BoundedList<OwnedCaseDigest>;
  overdue: number;
  dueSoon: number;
}

/**
 * Plans a sweep one case at a time, so the cases can be streamed from the store: per owner and district it keeps
 * counts and only the first `keep` cases a digest shows, so memory grows with the people and districts, not with the
 * cases. Escalations are kept whole: each one is a write the sweep makes anyway.
 */
export class SweepPlanner {
  private readonly owners = new Map<string, OwnerTally>();
  private readonly districts = new Map<string, BoundedList<CaseSummary>>();
  private readonly escalations: EscalationDue[] = [];

  constructor(
    private readonly now: Date,
    private readonly settings: SweepSettings,
    private readonly kind: SweepKind,
    /** How many cases per owner and district the plan keeps (a digest shows that many and counts the rest). */
    private readonly keep = Number.POSITIVE_INFINITY,
  ) {}

  /** Takes one case into the plan. Cases that came in after `now` are ignored (a sweep "at" a past moment). */
  add(c: CaseSummary): void {
    if (Date.parse(c.createdAt) > this.now.getTime()) return;
    if (this.kind !== 'digest') {
      const due = escalationDue(c, this.now, this.settings);
      if (due) this.escalations.push(due);
    }
    if (this.kind === 'escalation' || c.status === 'closed') return;
    if (c.owner) {
      const tally = this.owners.get(c.owner.userId) ?? {
        owner: c.owner,
        cases: new BoundedList<OwnedCaseDigest>(this.keep, ownerOrder),
        overdue: 0,
        dueSoon: 0,
      };
      const items = itemReminders(c, this.now, this.settings);
      for (const item of items) {
        if (item.state === 'overdue') tally.overdue += 1;
        else tally.dueSoon += 1;
      }
      tally.cases.add({ case: c, items, policeNumberMissing: policeNumberMissing(c, this.now) });
      this.owners.set(c.owner.userId, tally);
    } else {
      const list = this.districts.get(c.districtId) ?? new BoundedList<CaseSummary>(this.keep, districtOrder);
      list.add(c);
      this.districts.set(c.districtId, list);
    }
  }

  /** The plan of every case added so far. */
  plan(): SweepPlan {
    const ownerDigests = [...this.owners.values()]
      .map((t) => ({
        owner: t.owner,
        cases: t.cases.items(),
        total: t.cases.total,
        overdue: t.overdue,
        dueSoon: t.dueSoon,
      }))
      .sort((a, b) => a.owner.userId.localeCompare(b.owner.userId));
    const districtDigests = [...this.districts.entries()]
      .map(([districtId, list]) => ({ districtId, cases: list.items(), total: list.total }))
      .sort((a, b) => a.districtId.localeCompare(b.districtId));
    return {
      date: dateOnly(this.now.toISOString()),
      ownerDigests,
      districtDigests,
      escalations: [...this.escalations].sort(escalationOrder),
    };
  }
}

/**
 * Decides what is due at `now`: a pure function of the cases and the time, so node-cron, `npm run remind -- --at`
 * and the tests all get the same answer. Cases that came in after `now` are ignored (a sweep "at" a past moment).
 */
export function planSweep(
  cases: Iterable<CaseSummary>,
  now: Date,
  settings: SweepSettings,
  kind: SweepKind,
  keep = Number.POSITIVE_INFINITY,
): SweepPlan {
  const planner = new SweepPlanner(now, settings, kind, keep);
  for (const c of cases) planner.add(c);
  return planner.plan();
}
