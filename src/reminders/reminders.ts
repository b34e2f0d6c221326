import { randomUUID } from 'node:crypto';
import type { Routing } from '../cases/routing';
import { dmAddressOf } from '../domain/address';
import type { Case } from '../domain/case';
import { pendingNotification, type CaseMessageKind, type NotificationDraft } from '../domain/notification';
import type { Language } from '../domain/report';
import type { Directory } from '../directory/directory';
import type { Person } from '../directory/schema';
import type { CaseRepository } from '../ports/case-repository';
import type { Clock } from '../ports/clock';
import type { KeyValueStore } from '../ports/key-value-store';
import type { LeaseStore } from '../ports/lease';
import { queueCheckIns } from './check-ins';
import { expireSessions, type SessionExpiryDeps } from '../privacy/session-expiry';
import type { Logger } from '../ports/logger';
import type { OutboxStore } from '../ports/outbox-store';
import {
  escalationDue,
  SweepPlanner,
  type EscalationDue,
  type SweepKind,
  type SweepPlan,
  type SweepSettings,
} from './plan';
import { digestCard, MAX_CASES_PER_GROUP, type DigestContent } from './reminder-cards';

export interface RemindersServiceDeps {
  cases: CaseRepository;
  outbox: OutboxStore;
  leases: LeaseStore;
  /** Where the check-ins members asked for wait; without it no check-ins are sent. */
  keyValues?: KeyValueStore;
  directory: Directory;
  routing: Routing;
  /** The language to write to a user in (their stored choice), Swedish by default. */
  languageOf(userId: string): Promise<Language>;
  /** True when some notifier can deliver to the address (the platform is configured). */
  handles(address: string): boolean;
  settings: SweepSettings;
  /** The time the sweep lease is taken and expires in (real time in production, a fake clock in tests). */
  leaseClock: Clock;
  logger: Logger;
  /** Called when a sweep queued something, so the dispatcher sends it at once. */
  onQueued(): void;
  /** How long a sweep may hold its lease; default two minutes (less than the escalation interval). */
  leaseMs?: number;
  /** Unfinished dialog sessions to expire with each sweep (issue 11); without it sessions are kept. */
  sessionExpiry?: Omit<SessionExpiryDeps, 'outbox' | 'logger'>;
}

/** What one sweep did: counts, case numbers and notification ids, never report text. */
export interface SweepReport {
  /** The moment swept, ISO. */
  at: string;
  kind: SweepKind;
  /** Parts another process was sweeping already (it holds the lease), so this one left them alone. */
  skipped: Array<'digest' | 'escalation'>;
  /** Digests queued now, one per recipient address. */
  digests: number;
  /** Digests for this date that were queued before (by an earlier run or another process), so not again. */
  digestsAlreadyQueued: number;
  /** The escalations this sweep wrote. */
  escalations: Array<{ caseId: string; number: string; n: number }>;
  /** Ids of everything this sweep queued (digests and escalation notifications). */
  notificationIds: string[];
  /** How many notifications were queued in all. */
  queued: number;
  /** Unfinished dialog sessions removed (each with a last message to the member). */
  sessionsExpired: number;
}

const LEASE_MS = 2 * 60_000;
const MAX_WRITE_ATTEMPTS = 10;
const escalationDetail = (n: number): string => `escalation ${n}`;

interface Target {
  address: string;
  language: Language;
}

/**
 * Carries out a sweep planned by {@link SweepPlanner}. Each effect is once-only by itself, so two processes sweeping at
 * the same moment still send one message each: an escalation is a conditional case write (the revision read, and
 * `escalations` below the new number) carrying its notifications in the same write; a digest is an outbox entry
 * whose id is `digest:<Stockholm date>:<address>`, and the outbox keeps the first entry per id. The lease only spares
 * the second process the work.
 */
export class Reminders {
  private readonly holder = `reminders-${randomUUID()}`;

  constructor(private readonly deps: RemindersServiceDeps) {}

  /**
   * Sweeps at `at` under the lease `sweep:<part>` for each part; a part another process is running is skipped. The
   * parts held are swept together, over one scan of the cases (on FerretDB a scan reads every case whatever the
   * filter, so two would cost twice).
   */
  async runSweep(at: Date, kind: SweepKind): Promise<SweepReport> {
    const parts: Array<'digest' | 'escalation'> = kind === 'both' ? ['digest', 'escalation'] : [kind];
    const report = emptyReport(at, kind);
    const held: Array<'digest' | 'escalation'> = [];
    try {
      for (const part of parts) {
        const lease = `sweep:${part}`;
        const now = this.deps.leaseClock.now();
        if (await this.deps.leases.acquire(lease, this.holder, now, this.deps.leaseMs ?? LEASE_MS)) held.push(part);
        else {
          this.deps.logger.info('sweep skipped: another process holds the lease', { sweep: part });
          report.skipped.push(part);
        }
      }
      const [first] = held;
      if (first !== undefined) merge(report, await this.sweep(at, held.length === 2 ? 'both' : first));
    } finally {
      for (const part of held) await this.deps.leases.release(`sweep:${part}`, this.holder);
    }
    return report;
  }

  /** Sweeps at `at` without the lease (safe anyway, see the class comment). */
  async sweep(at: Date, kind: SweepKind): Promise<SweepReport> {
    // Streamed summaries, and per person only what a digest shows: memory grows with people, not with cases.
    const planner = new SweepPlanner(at, this.deps.settings, kind, MAX_CASES_PER_GROUP);
    for await (const c of this.deps.cases.scanSummaries({
      statuses: kind === 'escalation' ? ['new'] : ['new', 'open'],
    })) {
      planner.add(c);
    }
    const plan = planner.plan();
    const report = emptyReport(at, kind);
    for (const due of plan.escalations) {
      const written = await this.escalate(due, at);
      if (written === null) continue;
      report.escalations.push({ caseId: due.caseId, number: due.number, n: due.n });
      report.notificationIds.push(...written);
    }
    await this.queueDigests(plan, at, report);
    // Aftercare: the check-ins a member asked for, a day and a week after the report.
    if (this.deps.keyValues)
      report.notificationIds.push(...(await queueCheckIns(this.deps.keyValues, this.deps.outbox, at)));
    // Sessions left unfinished too long: removed, the member told (issue 11).
    if (this.deps.sessionExpiry) {
      const expired = await expireSessions(
        { ...this.deps.sessionExpiry, outbox: this.deps.outbox, logger: this.deps.logger },
        at,
      );
      report.sessionsExpired = expired.length;
      report.notificationIds.push(...expired);
    }
    report.queued = report.notificationIds.length;
    if (report.queued > 0) this.deps.onQueued();
    this.deps.logger.info('sweep done', {
      sweep: kind,
      at: report.at,
      digests: report.digests,
      digestsAlreadyQueued: report.digestsAlreadyQueued,
      escalations: report.escalations.map((e) => `${e.number}#${e.n}`).join(',') || null,
    });
    return report;
  }

  /**
   * Writes escalation `due.n`: escalations, lastEscalatedAt, the timeline entry and the notifications, in one write on
   * the revision read. On a conflict the case is read again and the plan checked again, so a case taken or escalated
   * meanwhile is left alone. Returns the ids of the notifications written, or null when nothing was written.
   */
  private async escalate(due: EscalationDue, at: Date): Promise<string[] | null> {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
      const c = await this.deps.cases.get(due.caseId);
      const still = c ? escalationDue(c, at, this.deps.settings) : null;
      if (!c || !still) return null;
      const stamp = at.toISOString();
      const escalated: Case = { ...c, escalations: still.n, lastEscalatedAt: stamp };
      const drafts = await this.escalationDrafts(escalated, still.n, at, c.escalations === 0);
      const next: Case = {
        ...escalated,
        revision: c.revision + 1,
        updatedAt: stamp,
        timeline: [...c.timeline, { kind: 'escalated', at: stamp, by: null, detail: escalationDetail(still.n) }],
        pendingNotifications: [...c.pendingNotifications, ...drafts],
      };
      if (!(await this.deps.cases.update(next, c.revision))) continue;
      if (drafts.length === 0) {
        this.deps.logger.warn('escalation reaches nobody: no configured platform for the district or central contact', {
          case: c.id,
          n: still.n,
        });
      }
      return drafts.map((d) => d.id);
    }
    this.deps.logger.warn('escalation not written: the case kept changing', { case: due.caseId, n: due.n });
    return null;
  }

  /**
   * A new message in the district's channels (or to its contacts) and an escalation to the central contact; `first`
   * when the case was never escalated before (its count may start above one when a sweep ran late).
   */
  private async escalationDrafts(c: Case, n: number, at: Date, first: boolean): Promise<NotificationDraft[]> {
    const central = await this.dmTargets([this.deps.directory.central()]);
    const centralAddresses = new Set(central.map((t) => t.address));
    const channels = await this.deps.routing.alertChannels(c.districtId);
    const district: Target[] =
      channels.length > 0
        ? channels.map((address) => ({ address, language: this.deps.directory.channelLanguage(c.districtId) }))
        : (await this.dmTargets(this.deps.directory.responders(c.districtId))).filter(
            (t) => !centralAddresses.has(t.address),
          );
    // References, rendered from the case when sent (dropped if somebody has taken the case by then): the entry is the
    // `escalated` entry this escalation appends.
    const draft = (target: Target, kind: CaseMessageKind): NotificationDraft => ({
      id: `${c.id}:escalation-${n}:${target.address}`,
      address: target.address,
      render: { caseId: c.id, kind, language: target.language, entry: c.timeline.length },
      createdAt: at.toISOString(),
    });
    // The member is never left in silence (DOMAIN rule 15): at the first escalation they hear that nobody has taken
    // the case yet and whom we have alerted now. Later escalations only go to the contacts. "First" is the first one
    // written, not number one: after a late sweep (a restart, a missed run) an urgent case may be at its eighth window.
    const member: NotificationDraft[] = first
      ? [draft({ address: c.reporter.address, language: c.reporter.language }, 'member-escalated')]
      : [];
    return [
      ...member,
      ...district.map((t) => draft(t, 'escalation-channel')),
      ...central.map((t) => draft(t, 'escalation-central')),
    ];
  }

  /** One digest per address: an owner's open cases and the untaken cases of the districts the address serves. */
  private async queueDigests(plan: SweepPlan, at: Date, report: SweepReport): Promise<void> {
    const byAddress = new Map<string, { language: Language; content: DigestContent }>();
    const entry = (target: Target): DigestContent => {
      const found = byAddress.get(target.address);
      if (found) return found.content;
      const content: DigestContent = { untaken: [] };
      byAddress.set(target.address, { language: target.language, content });
      return content;
    };
    for (const digest of plan.ownerDigests) {
      const target = await this.ownerTarget(digest.owner.userId);
      if (target) entry(target).owned = digest;
    }
    for (const digest of plan.districtDigests) {
      const channels = await this.deps.routing.alertChannels(digest.districtId);
      const targets: Target[] =
        channels.length > 0
          ? channels.map((address) => ({ address, language: this.deps.directory.channelLanguage(digest.districtId) }))
          : await this.dmTargets(this.deps.directory.responders(digest.districtId));
      for (const target of targets) {
        entry(target).untaken.push({
          districtName: this.districtName(digest.districtId),
          cases: digest.cases,
          total: digest.total,
        });
      }
    }
    const stamp = at.toISOString();
    for (const [address, { language, content }] of byAddress) {
      const id = `digest:${plan.date}:${address}`;
      // Checked only for the report: the unique id is what keeps a second copy out.
      if (await this.deps.outbox.get(id)) {
        report.digestsAlreadyQueued += 1;
        continue;
      }
      const notification = pendingNotification({
        id,
        address,
        message: { language, prompt: { kind: 'card', card: digestCard(plan.date, content) } },
        createdAt: stamp,
        caseId: null,
        seq: 0,
      });
      await this.deps.outbox.enqueue([notification]);
      report.digests += 1;
      report.notificationIds.push(id);
    }
  }

  /**
   * Where an owner reads their digest: the direct messages of the account they took the case with, or, when that
   * platform is no longer configured, of another account of theirs.
   */
  private async ownerTarget(userId: string): Promise<Target | null> {
    const language = await this.deps.languageOf(userId);
    const own = dmAddressOf(userId);
    if (this.deps.handles(own)) return { address: own, language };
    const person = this.deps.directory.personOf(userId);
    const other = person ? this.deps.routing.dmAddresses(person)[0] : undefined;
    if (other) return { address: other, language };
    this.deps.logger.warn('no address for an owner digest', { platform: userId.split(':')[0] });
    return null;
  }

  private async dmTargets(people: Person[]): Promise<Target[]> {
    const targets: Target[] = [];
    for (const person of people) {
      for (const userId of this.deps.directory.userIdsOf(person)) {
        const address = dmAddressOf(userId);
        if (this.deps.handles(address) && !targets.some((t) => t.address === address)) {
          targets.push({ address, language: await this.deps.languageOf(userId) });
        }
      }
    }
    return targets;
  }

  private districtName(districtId: string): string {
    return this.deps.directory.district(districtId)?.name ?? districtId;
  }
}

function emptyReport(at: Date, kind: SweepKind): SweepReport {
  return {
    at: at.toISOString(),
    kind,
    skipped: [],
    digests: 0,
    digestsAlreadyQueued: 0,
    escalations: [],
    notificationIds: [],
    queued: 0,
    sessionsExpired: 0,
  };
}

function merge(into: SweepReport, part: SweepReport): void {
  into.digests += part.digests;
  into.digestsAlreadyQueued += part.digestsAlreadyQueued;
  into.escalations.push(...part.escalations);
  into.notificationIds.push(...part.notificationIds);
  into.queued += part.queued;
  into.sessionsExpired += part.sessionsExpired;
}
