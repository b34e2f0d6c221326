import { dmAddressOf } from '../domain/address';
import type { Case, ChecklistItemId, PersonRef, TimelineEntry } from '../domain/case';
import { VaktpostError } from '../domain/errors';
import type { CaseMessageKind, NotificationDraft } from '../domain/notification';
import type { Reach } from '../domain/reach';
import type { AttachmentRef, Language, StoredReport } from '../domain/report';
import type { Directory } from '../directory/directory';
import type { Card, CardSection, Text } from '../engine/prompt';
import { tx } from '../engine/prompt';
import type { CaseRepository } from '../ports/case-repository';
import type { CounterStore } from '../ports/counter-store';
import { mayTake, roleOn, seesDetails, type CaseRole } from './access';
import { caseViewCard, memberCaseCard } from './case-cards';
import { checklistComplete, newChecklist } from './checklist';
import { clockTime } from './format-time';
import type { Routing } from './routing';

/** Who is acting: a platform user id and the name to show. */
export type Actor = PersonRef;

/** What a submitted report needs to become a case. */
export interface SubmitInput {
  /** Deterministic id (from the dialog session), so a retried submit finds the case instead of making a second. */
  id: string;
  reporter: PersonRef & { address: string; language: Language };
  districtId: string;
  report: StoredReport;
  exposedUserId: string | null;
  /**
   * An urgent case alerted before the details (DOMAIN rule 14): the report holds only what is known so far, and the
   * member's later submit with the same id fills it in.
   */
  preliminary?: boolean;
}

export interface CaseServiceDeps {
  cases: CaseRepository;
  counters: CounterStore;
  directory: Directory;
  routing: Routing;
  /** The language to write to a user in (their stored choice), Swedish by default. */
  languageOf(userId: string): Promise<Language>;
  /** Called after a write that queued notifications, so they go out at once. */
  onQueued(): void;
  /**
   * More sections for a contact's case view, worked out for the viewer (the repeat-perpetrator hint of issue 14);
   * never called for members or the municipality.
   */
  viewExtras?(c: Case, viewerUserId: string): Promise<CardSection[]>;
  /** Told of every card made for a viewer (the access log: who saw which parts of which case). */
  onView?(access: { caseId: string; userId: string; role: CaseRole; fields: string[] }): Promise<void>;
}

const MAX_WRITE_ATTEMPTS = 20;

/**
 * Everything that changes a case. Each change is a pure step on the case read from the store, written back on the
 * condition that nobody wrote in between; on a conflict the step runs again on the fresh case, so its preconditions
 * (e.g. "nobody owns it yet") are checked against what is really stored.
 */
export class CaseService {
  /**
   * @param turn The turn whose changes this service makes (see `forTurn`); none for the dispatcher's and the
   *   reminders' changes.
   */
  constructor(
    private readonly deps: CaseServiceDeps,
    private readonly turn?: string,
  ) {}

  /**
   * The service for changes turn `turnId` makes (the turn scope's id). Each change carries the id in the timeline, and
   * a change to a case that already has the turn's mark is not made again: a turn replayed after a crash between its
   * case write and its reply then only sends the reply.
   */
  forTurn(turnId: string): CaseService {
    return new CaseService(this.deps, turnId);
  }

  /** Turns a report into a case routed to its district; idempotent on `input.id`. */
  async submit(input: SubmitInput, now: Date): Promise<Case> {
    const existing = await this.deps.cases.get(input.id);
    if (existing?.preliminary && !input.preliminary) return this.complete(existing.id, input, now);
    if (existing) return existing;
    const year = now.getUTCFullYear();
    const serial = await this.deps.counters.next(`case-number-${year}`);
    const stamp = now.toISOString();
    const reporterRef: PersonRef = { userId: input.reporter.userId, displayName: input.reporter.displayName };
    // A contact who files on a member's behalf took the first call, and so owns the case from the start.
    const filedByContact =
      input.report.reporter.onBehalf &&
      (this.deps.directory.isContactOf(input.reporter.userId, input.districtId) ||
        this.deps.directory.isCentral(input.reporter.userId));
    const timeline: TimelineEntry[] = [{ kind: 'submitted', at: stamp, by: reporterRef }];
    if (filedByContact) timeline.push({ kind: 'taken', at: stamp, by: reporterRef });
    let c: Case = {
      id: input.id,
      number: `VP-${year}-${String(serial).padStart(4, '0')}`,
      districtId: input.districtId,
      urgent: input.report.urgent,
      status: filedByContact ? 'open' : 'new',
      createdAt: stamp,
      updatedAt: stamp,
      revision: 0,
      reporter: input.reporter,
      exposedUserId: input.exposedUserId,
      report: input.report,
      owner: filedByContact ? reporterRef : null,
      takenAt: filedByContact ? stamp : null,
      pendingHandover: null,
      sharedWithMunicipality: null,
      checklist: newChecklist(now),
      closeReason: null,
      timeline,
      escalations: 0,
      lastEscalatedAt: null,
      pendingNotifications: [],
      ...(input.preliminary ? { preliminary: true } : {}),
    };
    c = { ...c, pendingNotifications: await this.alertNotifications(c, 'submitted', now, 0) };
    if (filedByContact) c.pendingNotifications.push(...(await this.ownerNotifications(c, 'taken', now, 1)));
    try {
      await this.deps.cases.create(c);
    } catch (error) {
      if (error instanceof VaktpostError && error.code === 'store.duplicate') {
        const stored = await this.deps.cases.get(input.id);
        if (stored) return stored;
      }
      throw error;
    }
    this.deps.onQueued();
    return c;
  }

  /**
   * The member sent the whole report of an urgent case that was alerted at once: the case keeps its number, owner and
   * history, and gets the report; the owner gets the full case again, or the channel's alert shows what happened.
   */
  private async complete(caseId: string, input: SubmitInput, now: Date): Promise<Case> {
    const actor: Actor = { userId: input.reporter.userId, displayName: input.reporter.displayName };
    return this.write(caseId, actor, async (c) => {
      if (!c.preliminary) return null;
      const { preliminary: _was, ...rest } = c;
      const next: Case = { ...rest, report: input.report, urgent: c.urgent || input.report.urgent };
      const drafts = next.owner
        ? [
            ...(await this.ownerNotifications(next, `completed-${c.timeline.length}`, now)),
            ...(next.owner.userId === actor.userId
              ? []
              : await this.evidenceNotifications(next, next.report.evidence, now)),
          ]
        : await this.alertNotifications(next, `completed-${c.timeline.length}`, now);
      return this.withEvent(next, 'completed', actor, now, undefined, drafts);
    });
  }

  /**
   * The member adds a message or files to their case after sending it (DOMAIN rule 15): files go to the evidence,
   * the words to the timeline, and the owner is told and sees it in the case.
   */
  async addFromMember(caseId: string, actor: Actor, text: string, files: AttachmentRef[], now: Date): Promise<Case> {
    return this.write(caseId, actor, async (c, role) => {
      if (role !== 'reporter' && role !== 'exposed' && role !== 'owner') {
        throw new VaktpostError('case.not_allowed', 'only the member adds to their case');
      }
      if (c.status === 'closed') throw new VaktpostError('case.closed', 'case is closed');
      const known = new Set(c.report.evidence.map((f) => f.id));
      const evidence = [...c.report.evidence, ...files.filter((f) => !known.has(f.id))].slice(0, 50);
      const added = evidence.filter((f) => !known.has(f.id));
      const names = files.map((f) => f.name).join(', ');
      const detail = [text.trim(), names].filter(Boolean).join(' · ').slice(0, 2000);
      const next: Case = { ...c, report: { ...c.report, evidence } };
      const withEntry = this.withEvent(next, 'member_added', actor, now, detail, []);
      const drafts: NotificationDraft[] = [];
      if (c.owner && c.owner.userId !== actor.userId) {
        const language = await this.deps.languageOf(c.owner.userId);
        const entry = c.timeline.length;
        drafts.push(
          this.draft(withEntry, `member-added-${entry}`, dmAddressOf(c.owner.userId), now, {
            kind: 'owner-member-added',
            language,
            entry,
          }),
          ...(await this.ownerNotifications(withEntry, `member-added-card-${entry}`, now, entry)),
          ...(await this.evidenceNotifications(withEntry, added, now, entry)),
        );
      }
      return { ...withEntry, pendingNotifications: [...withEntry.pendingNotifications, ...drafts] };
    });
  }

  /**
   * The exposed person (or the member who reported for themselves) changes their mind about sharing with the
   * municipality; a yes lets the owner share, a no before sharing stops it. The owner is told.
   */
  async setConsent(caseId: string, actor: Actor, consent: boolean, now: Date): Promise<Case> {
    return this.write(caseId, actor, async (c, role) => {
      // Consent is the exposed person's: on a report made for someone else, the reporter cannot give it.
      const isExposed = role === 'exposed' || (role === 'reporter' && !c.report.reporter.onBehalf);
      if (!isExposed) throw new VaktpostError('case.not_allowed', 'only the exposed person decides on sharing');
      if (c.report.consentMunicipality === consent) return null;
      const next: Case = { ...c, report: { ...c.report, consentMunicipality: consent } };
      const drafts: NotificationDraft[] = [];
      if (c.owner && c.owner.userId !== actor.userId) {
        drafts.push(
          this.draft(next, `consent-${c.timeline.length}`, dmAddressOf(c.owner.userId), now, {
            kind: 'owner-consent',
            language: await this.deps.languageOf(c.owner.userId),
          }),
          ...(await this.ownerNotifications(next, `consent-card-${c.timeline.length}`, now)),
        );
      }
      return this.withEvent(next, 'consent_changed', actor, now, consent ? 'yes' : 'no', drafts);
    });
  }

  /**
   * The member leaves or changes how they want to be reached (issue 12). The way goes into the sealed report, never
   * into the timeline (which every contact of the district reads); the owner is told and gets the case again.
   */
  async setReach(caseId: string, actor: Actor, reach: Reach, now: Date): Promise<Case> {
    return this.write(caseId, actor, async (c, role) => {
      if (role !== 'reporter' && role !== 'exposed') throw new VaktpostError('case.not_allowed', 'the member only');
      if (c.status === 'closed') throw new VaktpostError('case.closed', 'case is closed');
      if (JSON.stringify(c.report.reachAt) === JSON.stringify(reach)) return null;
      const next: Case = { ...c, report: { ...c.report, reachAt: reach } };
      const drafts: NotificationDraft[] = [];
      if (c.owner) {
        drafts.push(
          this.draft(next, `reach-${c.timeline.length}`, dmAddressOf(c.owner.userId), now, {
            kind: 'owner-reach',
            language: await this.deps.languageOf(c.owner.userId),
          }),
          ...(await this.ownerNotifications(next, `reach-card-${c.timeline.length}`, now)),
        );
      }
      return this.withEvent(next, 'reach_changed', actor, now, undefined, drafts);
    });
  }

  /**
   * The member asked for the check-ins, or answered one: recorded on the timeline, and the owner is told (a check-in
   * answer asking for support is what the owner most needs to hear).
   */
  async recordCheckIn(
    caseId: string,
    actor: Actor,
    event:
      | { kind: 'check_ins'; wanted: boolean }
      | { kind: 'check_in'; day: number; answer: 'ok' | 'support'; note: string },
    now: Date,
  ): Promise<Case> {
    return this.write(caseId, actor, async (c, role) => {
      if (role !== 'reporter' && role !== 'exposed') throw new VaktpostError('case.not_allowed', 'the member only');
      const detail =
        event.kind === 'check_ins'
          ? event.wanted
            ? 'yes'
            : 'no'
          : [event.answer === 'support' ? 'support' : 'ok', event.note.trim()]
              .filter(Boolean)
              .join(': ')
              .slice(0, 2000);
      const withEntry = this.withEvent(c, event.kind, actor, now, detail, []);
      if (event.kind !== 'check_in' || !c.owner || c.owner.userId === actor.userId) return withEntry;
      const drafts = [
        this.draft(withEntry, `check-in-${c.timeline.length}`, dmAddressOf(c.owner.userId), now, {
          kind: 'owner-check-in',
          language: await this.deps.languageOf(c.owner.userId),
          entry: c.timeline.length,
        }),
      ];
      return { ...withEntry, pendingNotifications: [...withEntry.pendingNotifications, ...drafts] };
    });
  }

  /** Whoever takes the first call owns follow-up: one conditional write decides, the others hear who was first. */
  async take(caseId: string, actor: Actor, now: Date): Promise<Case> {
    return this.write(caseId, actor, async (c, role) => {
      if (c.owner) {
        throw new VaktpostError('case.already_taken', 'already taken', {
          name: c.owner.displayName,
          time: clockTime(c.takenAt ?? c.updatedAt),
          self: c.owner.userId === actor.userId,
        });
      }
      if (!mayTake(role)) throw new VaktpostError('case.not_allowed', 'only contacts of the district may take it');
      const taken: Case = { ...c, owner: actor, takenAt: now.toISOString(), status: 'open' };
      return this.withEvent(taken, 'taken', actor, now, undefined, [
        ...(await this.alertNotifications(taken, 'taken', now)),
        ...(await this.ownerNotifications(taken, 'taken', now)),
        ...(await this.evidenceNotifications(taken, taken.report.evidence, now)),
        ...this.memberNotifications(taken, 'taken', now, 'taken'),
      ]);
    });
  }

  /** The owner offers the case to a named successor; the owner stays the owner until the successor accepts. */
  async offerHandover(caseId: string, actor: Actor, successorUserId: string, now: Date): Promise<Case> {
    return this.write(caseId, actor, async (c, role) => {
      this.requireOwner(c, role);
      const successor = this.successors(c, actor.userId).find((s) => s.userId === successorUserId);
      if (!successor) throw new VaktpostError('case.handover_invalid', 'successor must be a contact of the district');
      const ref: PersonRef = { userId: successor.userId, displayName: successor.name };
      const next: Case = { ...c, pendingHandover: ref };
      const language = await this.deps.languageOf(ref.userId);
      // The successor's own view of the case, then the offer with its buttons (dropped if withdrawn before it is sent).
      const offer = this.draft(next, `handover-offer-${c.timeline.length}`, dmAddressOf(ref.userId), now, {
        kind: 'case-card',
        language,
        viewerUserId: ref.userId,
      });
      const note = this.draft(next, `handover-offer-note-${c.timeline.length}`, dmAddressOf(ref.userId), now, {
        kind: 'handover-offer',
        language,
        viewerUserId: ref.userId,
      });
      return this.withEvent(next, 'handover_offered', actor, now, ref.displayName, [offer, note]);
    });
  }

  /** The named successor accepts and becomes the owner; the member is told who helps them now. */
  async acceptHandover(caseId: string, actor: Actor, now: Date): Promise<Case> {
    return this.write(caseId, actor, async (c) => {
      if (c.pendingHandover?.userId !== actor.userId) {
        throw new VaktpostError('case.handover_not_pending', 'no hand-over to this user');
      }
      const previous = c.owner;
      const next: Case = { ...c, owner: actor, pendingHandover: null, takenAt: now.toISOString() };
      const drafts = [
        ...(await this.alertNotifications(next, `handover-${c.timeline.length}`, now)),
        ...(await this.ownerNotifications(next, `handover-${c.timeline.length}`, now)),
        ...(await this.evidenceNotifications(next, next.report.evidence, now)),
        ...this.memberNotifications(next, `handover-${c.timeline.length}`, now, 'handover'),
      ];
      if (previous) {
        drafts.push(
          this.draft(next, `handover-done-${c.timeline.length}`, dmAddressOf(previous.userId), now, {
            kind: 'handover-accepted',
            language: await this.deps.languageOf(previous.userId),
          }),
        );
      }
      return this.withEvent(next, 'handover_accepted', actor, now, previous?.displayName, drafts);
    });
  }

  /** The named successor declines; the owner stays the owner and is told. */
  async declineHandover(caseId: string, actor: Actor, now: Date): Promise<Case> {
    return this.write(caseId, actor, async (c) => {
      if (c.pendingHandover?.userId !== actor.userId) {
        throw new VaktpostError('case.handover_not_pending', 'no hand-over to this user');
      }
      const next: Case = { ...c, pendingHandover: null };
      const drafts = c.owner
        ? [
            this.draft(next, `handover-declined-${c.timeline.length}`, dmAddressOf(c.owner.userId), now, {
              kind: 'handover-declined',
              language: await this.deps.languageOf(c.owner.userId),
            }),
          ]
        : [];
      return this.withEvent(next, 'handover_declined', actor, now, undefined, drafts);
    });
  }

  /** The owner ticks a follow-up item, with an optional short note. */
  async tick(caseId: string, actor: Actor, itemId: ChecklistItemId, note: string | null, now: Date): Promise<Case> {
    return this.write(caseId, actor, async (c, role) => {
      this.requireOwner(c, role);
      if (c.status === 'closed') throw new VaktpostError('case.closed', 'case is closed');
      const item = c.checklist.find((i) => i.id === itemId);
      if (!item) throw new VaktpostError('checklist.unknown_item', 'unknown checklist item');
      const checklist = c.checklist.map((i) =>
        i.id === itemId ? { ...i, doneAt: now.toISOString(), doneBy: actor, note: note || null } : i,
      );
      return this.withEvent({ ...c, checklist }, 'item_done', actor, now, itemId, []);
    });
  }

  /** Adds a note to the timeline (owner, district contacts, central). */
  async note(caseId: string, actor: Actor, text: string, now: Date): Promise<Case> {
    return this.write(caseId, actor, async (c, role) => {
      if (role !== 'owner' && role !== 'contact' && role !== 'central') {
        throw new VaktpostError('case.not_allowed', 'notes are for the security contacts');
      }
      if (!text.trim()) throw new VaktpostError('input.invalid', 'empty note');
      return this.withEvent(c, 'note', actor, now, text.trim().slice(0, 2000), []);
    });
  }

  /** Shares the case with the municipality's security officer, only with the exposed person's recorded consent. */
  async share(caseId: string, actor: Actor, now: Date): Promise<Case> {
    return this.write(caseId, actor, async (c, role) => {
      this.requireOwner(c, role);
      if (!c.report.consentMunicipality) throw new VaktpostError('case.no_consent', 'no consent to share');
      const municipalityId = this.deps.directory.district(c.districtId)?.municipality;
      const municipality = municipalityId ? this.deps.directory.municipality(municipalityId) : undefined;
      if (!municipality) throw new VaktpostError('case.no_municipality', 'district has no municipality');
      if (c.sharedWithMunicipality) return null;
      const next: Case = { ...c, sharedWithMunicipality: municipality.id };
      const drafts: NotificationDraft[] = [];
      for (const officerId of municipality.securityOfficers) {
        const officer = this.deps.directory.person(officerId);
        if (!officer) continue;
        // Cards for a person follow that person's language.
        for (const { address, language, userId } of await this.dmTargets([officer])) {
          if (!userId) continue;
          drafts.push(
            this.draft(next, `shared-${c.timeline.length}`, address, now, {
              kind: 'case-card',
              language,
              viewerUserId: userId,
            }),
          );
        }
      }
      return this.withEvent(next, 'shared', actor, now, municipality.name, drafts);
    });
  }

  /** Closes the case: the checklist is complete, or the owner states why not. */
  async close(caseId: string, actor: Actor, reason: string | null, now: Date): Promise<Case> {
    return this.write(caseId, actor, async (c, role) => {
      this.requireOwner(c, role);
      if (c.status === 'closed') return null;
      const why = reason?.trim() || null;
      if (!checklistComplete(c.checklist) && !why) {
        throw new VaktpostError('case.not_closed', 'checklist incomplete: a reason is needed');
      }
      // A pending hand-over ends with the case, so nobody can accept ownership of a closed case.
      const next: Case = { ...c, status: 'closed', closeReason: why, pendingHandover: null };
      const drafts = [
        ...(await this.alertNotifications(next, `closed-${c.timeline.length}`, now)),
        ...this.memberNotifications(next, `closed-${c.timeline.length}`, now, 'closed'),
      ];
      return this.withEvent(next, 'closed', actor, now, why ?? undefined, drafts);
    });
  }

  /** Reopens a closed case (owner or central contact). */
  async reopen(caseId: string, actor: Actor, now: Date): Promise<Case> {
    return this.write(caseId, actor, async (c, role) => {
      if (role !== 'owner' && role !== 'central') throw new VaktpostError('case.not_allowed', 'owner or central only');
      if (c.status !== 'closed') return null;
      const next: Case = { ...c, status: c.owner ? 'open' : 'new', closeReason: null };
      // The channel's alert said "closed": replace it, so the district sees the case is open again.
      const drafts = [
        ...(await this.alertNotifications(next, `reopened-${c.timeline.length}`, now)),
        ...this.memberNotifications(next, `reopened-${c.timeline.length}`, now, 'reopened'),
      ];
      return this.withEvent(next, 'reopened', actor, now, undefined, drafts);
    });
  }

  /**
   * A notification of the case could never be delivered (the app was blocked or removed, the channel is gone): the
   * failure is recorded on the case and the central contact gets the alert instead, so it is never silently lost.
   */
  async recordUndeliverable(caseId: string, notificationId: string, address: string, now: Date): Promise<void> {
    const system: Actor = { userId: 'system', displayName: 'Vaktpost' };
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
      const c = await this.deps.cases.get(caseId);
      if (!c) return;
      const central = this.deps.directory.central();
      // A failed fallback is recorded but not rerouted again, so a blocked central contact cannot cause a loop.
      const isFallback = notificationId.includes(':fallback-');
      const targets = isFallback ? [] : (await this.dmTargets([central])).filter((t) => t.address !== address);
      const drafts = targets.map((t) =>
        this.draft(c, `fallback-${notificationId}`, t.address, now, { kind: 'alert-rerouted', language: t.language }),
      );
      const next = this.withEvent(c, 'delivery_failed', system, now, address.split(':')[0], drafts);
      if (await this.deps.cases.update({ ...next, revision: c.revision + 1 }, c.revision)) {
        this.deps.onQueued();
        return;
      }
    }
  }

  /** The case as this user may see it; "not found" for anyone who may not see it at all. */
  async view(caseId: string, userId: string): Promise<{ case: Case; role: CaseRole }> {
    const c = await this.deps.cases.get(caseId);
    const role = c ? roleOn(this.deps.directory, userId, c) : 'none';
    if (!c || role === 'none') throw new VaktpostError('case.not_found', 'case not found');
    return { case: c, role };
  }

  /** The card this user sees for the case. */
  cardFor(c: Case, role: CaseRole, viewerUserId: string) {
    return seesDetails(role)
      ? caseViewCard(c, this.districtName(c), role, role === 'owner' ? this.successors(c, viewerUserId) : [])
      : memberCaseCard(c);
  }

  /** The card this user sees for the case, with the sections worked out for them (contacts only). */
  async cardForViewer(c: Case, role: CaseRole, viewerUserId: string): Promise<Card> {
    const card = this.cardFor(c, role, viewerUserId);
    const fields = seesDetails(role) ? ['incident', 'names', 'timeline', 'checklist'] : ['status', 'owner'];
    await this.deps.onView?.({ caseId: c.id, userId: viewerUserId, role, fields });
    const contact = role === 'owner' || role === 'contact' || role === 'central';
    if (!contact || !this.deps.viewExtras) return card;
    const extra = await this.deps.viewExtras(c, viewerUserId);
    return extra.length === 0 ? card : { ...card, sections: [...(card.sections ?? []), ...extra] };
  }

  /** Open cases of the districts this contact serves (all districts for the central contact). */
  async openCasesFor(userId: string): Promise<Case[]> {
    const districtIds = this.deps.directory.districtsOfContact(userId).map((d) => d.id);
    if (districtIds.length === 0) return [];
    return this.deps.cases.list({ districtIds, statuses: ['new', 'open'] });
  }

  /** The member's own cases. */
  async casesOfReporter(userId: string): Promise<Case[]> {
    return this.deps.cases.list({ reporterUserId: userId });
  }

  /** Contacts who can take the case over from the owner: the district's contacts and the central contact. */
  successors(c: Case, ownerUserId: string): Array<{ userId: string; name: string }> {
    const directory = this.deps.directory;
    const district = directory.district(c.districtId);
    const people = [...(district?.contacts ?? []), directory.data.centralContact]
      .map((id) => directory.person(id))
      .filter((p) => p !== undefined);
    const result: Array<{ userId: string; name: string }> = [];
    for (const person of people) {
      const ids = directory.userIdsOf(person);
      if (ids.includes(ownerUserId)) continue;
      // Hand-over goes to the successor's account on the owner's platform, so they can accept where they work.
      const samePlatform = ids.find((id) => id.split(':')[0] === ownerUserId.split(':')[0]) ?? ids[0];
      if (samePlatform && !result.some((r) => r.userId === samePlatform)) {
        result.push({ userId: samePlatform, name: person.name });
      }
    }
    return result;
  }

  districtName(c: Pick<Case, 'districtId'>): string {
    return this.deps.directory.district(c.districtId)?.name ?? c.districtId;
  }

  private requireOwner(c: Case, role: CaseRole): void {
    if (role !== 'owner') {
      throw new VaktpostError('case.not_owner', 'only the owner may do this', { owner: c.owner?.displayName ?? null });
    }
  }

  private withEvent(
    c: Case,
    kind: TimelineEntry['kind'],
    actor: Actor | null,
    now: Date,
    detail: string | undefined,
    drafts: NotificationDraft[],
  ): Case {
    const turn = this.turn;
    const entry: TimelineEntry = {
      kind,
      at: now.toISOString(),
      by: actor,
      ...(detail ? { detail } : {}),
      ...(turn ? { turn } : {}),
    };
    return {
      ...c,
      timeline: [...c.timeline, entry],
      updatedAt: now.toISOString(),
      pendingNotifications: [...c.pendingNotifications, ...drafts],
    };
  }

  /**
   * Reads the case, applies `step`, writes it back on condition that nobody wrote in between; retries on conflict.
   * `step` returns null when there is nothing to change.
   */
  private async write(
    caseId: string,
    actor: Actor,
    step: (c: Case, role: CaseRole) => Promise<Case | null>,
  ): Promise<Case> {
    const turn = this.turn;
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
      const { case: c, role } = await this.view(caseId, actor.userId);
      // This turn changed the case before a crash: its change is made; what follows (the reply) is not.
      if (turn && c.timeline.some((e) => e.turn === turn)) return c;
      const next = await step(c, role);
      if (!next) return c;
      const written = { ...next, revision: c.revision + 1 };
      if (await this.deps.cases.update(written, c.revision)) {
        if (written.pendingNotifications.length > 0) this.deps.onQueued();
        return written;
      }
    }
    throw new VaktpostError('case.conflict', 'the case changed too often while writing; try again');
  }

  /** The alert in every alert channel of the district, or to the central contact where there is none. */
  async alertNotifications(c: Case, event: string, now: Date, entry?: number): Promise<NotificationDraft[]> {
    const channels = await this.deps.routing.alertChannels(c.districtId);
    const targets =
      channels.length > 0
        ? channels.map((address) => ({ address, language: this.deps.directory.channelLanguage(c.districtId) }))
        : await this.dmTargets(this.deps.directory.responders(c.districtId));
    return targets.map((t) =>
      this.draft(c, `alert-${event}`, t.address, now, { kind: 'alert', language: t.language, entry }),
    );
  }

  private async dmTargets(
    people: ReturnType<Directory['responders']>,
  ): Promise<Array<{ address: string; language: Language; userId: string | undefined }>> {
    const targets: Array<{ address: string; language: Language; userId: string | undefined }> = [];
    for (const person of people) {
      for (const address of this.deps.routing.dmAddresses(person)) {
        const userId = this.deps.directory.userIdsOf(person).find((id) => dmAddressOf(id) === address);
        targets.push({ address, language: userId ? await this.deps.languageOf(userId) : 'sv', userId });
      }
    }
    return targets;
  }

  /** The whole case, privately to its (new) owner. */
  private async ownerNotifications(c: Case, event: string, now: Date, entry?: number): Promise<NotificationDraft[]> {
    if (!c.owner) return [];
    return [
      this.draft(c, `owner-${event}`, dmAddressOf(c.owner.userId), now, {
        kind: 'case-card',
        language: await this.deps.languageOf(c.owner.userId),
        viewerUserId: c.owner.userId,
        entry,
      }),
    ];
  }

  /**
   * Vaktpost's copies of evidence files, to the owner's DM, after the case card. The id names the file and the
   * address, so each owner gets each file once, whatever happens (a retried write, a crash before the send); a new
   * owner after a hand-over gets them too. Files Vaktpost could not keep are only named on the card.
   */
  private async evidenceNotifications(
    c: Case,
    files: AttachmentRef[],
    now: Date,
    entry?: number,
  ): Promise<NotificationDraft[]> {
    if (!c.owner) return [];
    const kept = files.filter((f) => f.stored !== undefined && f.sha256 !== undefined);
    if (kept.length === 0) return [];
    const language = await this.deps.languageOf(c.owner.userId);
    const address = dmAddressOf(c.owner.userId);
    const viewerUserId = c.owner.userId;
    // A reference to the file on the case: its key stays in the case, never in the outbox.
    return kept.map((file) =>
      this.draft(c, `evidence-${file.stored?.blob ?? file.id}`, address, now, {
        kind: 'owner-evidence-file',
        language,
        viewerUserId,
        fileId: file.id,
        entry,
      }),
    );
  }

  /**
   * Tells the member in plain words what happened to their case (DOMAIN rule 15): who took it and that they will be
   * in touch, who took it over, that it was closed and why, that it was opened again. The reporter who owns the case
   * (a contact filing for someone) hears nothing from themselves.
   */
  private memberNotifications(
    c: Case,
    event: string,
    now: Date,
    kind: 'taken' | 'handover' | 'closed' | 'reopened',
  ): NotificationDraft[] {
    if (c.owner && c.owner.userId === c.reporter.userId) return [];
    const kinds = {
      taken: 'member-taken',
      handover: 'member-handed-over',
      closed: 'member-closed',
      reopened: 'member-reopened',
    } as const;
    return [
      this.draft(c, `member-${event}`, c.reporter.address, now, { kind: kinds[kind], language: c.reporter.language }),
    ];
  }

  /** Who has the case while nobody has taken it: the district's contacts, or the central contact (DOMAIN rule 6). */
  recipientsText(c: Pick<Case, 'districtId'>): Text {
    return this.deps.directory.hasOwnContacts(c.districtId)
      ? tx('case.recipients.district', { district: this.districtName(c) })
      : tx('case.recipients.central');
  }

  /**
   * A notification about the case as a reference (issue 11: the outbox stores references, not reports): rendered from
   * the case when it is sent (src/notifications/case-messages.ts). `entry` is the timeline entry it tells of, by
   * default the one the current change appends.
   */
  private draft(
    c: Case,
    event: string,
    address: string,
    now: Date,
    ref: {
      kind: CaseMessageKind;
      language: Language;
      entry?: number | undefined;
      viewerUserId?: string;
      fileId?: string;
    },
  ): NotificationDraft {
    const { entry, ...rest } = ref;
    return {
      id: `${c.id}:${event}:${address}`,
      address,
      render: { caseId: c.id, ...rest, entry: entry ?? c.timeline.length },
      createdAt: now.toISOString(),
    };
  }
}
