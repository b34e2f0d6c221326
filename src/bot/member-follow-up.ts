import { z } from 'zod';
import { attachmentRefSchema, type AttachmentRef, type Language } from '../domain/report';
import type { Case } from '../domain/case';
import { isVaktpostError } from '../domain/errors';
import type { Card, CardAction, Prompt } from '../engine/prompt';
import { tx } from '../engine/prompt';
import type { IncomingTurn } from '../engine/turn';
import { memberStatusCard, reachCard } from '../cases/case-cards';
import { REACH_VIA, reachOf } from '../domain/reach';
import type { Actor } from '../cases/case-service';
import type { TurnDeps } from './bot-deps';
import { CHECK_IN_ANSWER, CHECK_IN_NAMESPACE, type CheckInSchedule } from '../reminders/check-ins';
import { message, reply } from './reply';

/** The buttons of the member's follow-up: add to an open case, or start a new report after all; change consent. */
export const MEMBER_ACTION = {
  add: 'member:add',
  newReport: 'member:new',
  consent: 'member:consent',
  reach: 'member:reach',
  reachSet: 'member:reach_set',
  checkIns: 'member:checkins',
  checkIn: CHECK_IN_ANSWER,
} as const;

/** True when the press belongs to {@link MemberFollowUp}. */
export function isMemberAction(actionId: string): boolean {
  return actionId.startsWith('member:');
}

/** Where a member's words sent after submitting wait for their answer to the offer (expired with the sessions). */
export const MEMBER_ADDITION_NAMESPACE = 'member-addition';
const PENDING = MEMBER_ADDITION_NAMESPACE;
const pendingSchema = z.object({
  text: z.string().max(4000),
  files: z.array(attachmentRefSchema).max(50),
  at: z.string(),
});
type Pending = z.infer<typeof pendingSchema>;

/**
 * What a member sends after their report is in (DOMAIN rule 15): a message or files with no dialog open is offered
 * as an addition to their open case ("Lägga till i VP-2026-0042?") instead of silently starting a new report. It is
 * held until the member answers, then added to the case's timeline (files to its evidence) and the owner is told.
 */
export class MemberFollowUp {
  constructor(private readonly deps: TurnDeps) {}

  /** The member's open cases, newest first. */
  private async openCases(userId: string): Promise<Case[]> {
    const mine = await this.deps.cases.casesOfReporter(userId);
    return mine.filter((c) => c.status !== 'closed').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Offers the message as an addition to an open case; false when the member has none (then it is a new report). */
  async offer(turn: IncomingTurn, language: Language): Promise<boolean> {
    const open = await this.openCases(turn.user.id);
    if (open.length === 0) return false;
    const text = (turn.text ?? '').trim().slice(0, 4000);
    const files = (turn.attachments ?? []).slice(0, 50);
    if (!text && files.length === 0) return false;
    const pending: Pending = { text, files, at: this.deps.clock.now().toISOString() };
    await this.deps.stores.keyValues.put(PENDING, turn.user.id, pending);
    const shown = open.slice(0, 3);
    const actions: CardAction[] = [
      ...shown.map((c) => ({
        id: MEMBER_ACTION.add,
        label: tx('member.add.button', { number: c.number }),
        value: c.id,
        style: 'primary' as const,
      })),
      { id: MEMBER_ACTION.newReport, label: tx('member.add.new_report'), value: '' },
    ];
    const first = shown[0] as Case;
    const card: Card = {
      title: tx('member.add.title', { number: first.number }),
      tone: 'normal',
      lines: [tx(shown.length > 1 ? 'member.add.text_several' : 'member.add.text', { number: first.number })],
      actions,
    };
    await reply(this.deps.notifier, turn.address, language, [{ kind: 'card', card }]);
    return true;
  }

  /** "Hur går det med mitt ärende?": the member's open cases with where each stands. */
  async status(turn: IncomingTurn, language: Language): Promise<void> {
    const open = await this.openCases(turn.user.id);
    await reply(this.deps.notifier, turn.address, language, [{ kind: 'card', card: memberStatusCard(open) }]);
  }

  /** A press on one of the buttons above; a new report after all is started by `startReport` with the files. */
  async handle(
    turn: IncomingTurn,
    language: Language,
    startReport: (files: AttachmentRef[]) => Promise<void>,
  ): Promise<void> {
    const action = turn.action;
    if (!action) return;
    const actor: Actor = {
      userId: turn.user.id,
      displayName: this.deps.directory.personOf(turn.user.id)?.name ?? turn.user.displayName,
    };
    const now = this.deps.clock.now();
    try {
      if (action.id === MEMBER_ACTION.newReport) {
        const pending = await this.takePending(turn.user.id);
        return startReport(pending?.files ?? []);
      }
      if (action.id === MEMBER_ACTION.add) {
        const pending = await this.takePending(turn.user.id);
        if (!pending) return reply(this.deps.notifier, turn.address, language, [message('member.add.nothing')]);
        const c = await this.deps.cases.addFromMember(action.value, actor, pending.text, pending.files, now);
        const key = c.owner ? 'member.add.done_owner' : 'member.add.done';
        return reply(this.deps.notifier, turn.address, language, [
          message(key, { number: c.number, name: c.owner?.displayName ?? '' }),
        ]);
      }
      if (action.id === MEMBER_ACTION.checkIns) {
        const { c: caseId, v } = JSON.parse(action.value) as { c?: unknown; v?: unknown };
        if (typeof caseId !== 'string') return;
        const wanted = v === 'yes';
        const c = await this.deps.cases.recordCheckIn(caseId, actor, { kind: 'check_ins', wanted }, now);
        if (wanted) {
          const schedule: CheckInSchedule = {
            caseId: c.id,
            number: c.number,
            address: turn.address,
            language,
            from: now.toISOString(),
          };
          await this.deps.stores.keyValues.put(CHECK_IN_NAMESPACE, c.id, schedule);
        } else await this.deps.stores.keyValues.delete(CHECK_IN_NAMESPACE, c.id);
        return reply(this.deps.notifier, turn.address, language, [
          message(wanted ? 'checkin.wanted' : 'checkin.declined', { number: c.number }),
        ]);
      }
      if (action.id === MEMBER_ACTION.checkIn) {
        const { c: caseId, d, a } = JSON.parse(action.value) as { c?: unknown; d?: unknown; a?: unknown };
        if (typeof caseId !== 'string') return;
        const answer = a === 'support' ? 'support' : 'ok';
        const note = (action.input ?? '').slice(0, 2000);
        const day = typeof d === 'number' ? d : 0;
        const c = await this.deps.cases.recordCheckIn(caseId, actor, { kind: 'check_in', day, answer, note }, now);
        return reply(this.deps.notifier, turn.address, language, [
          message(answer === 'support' ? 'checkin.thanks_support' : 'checkin.thanks_ok', {
            number: c.number,
            name: c.owner?.displayName ?? '',
          }),
        ]);
      }
      if (action.id === MEMBER_ACTION.reach) {
        const c = (await this.openCases(turn.user.id)).find((x) => x.id === action.value);
        if (!c) return reply(this.deps.notifier, turn.address, language, [message('error.case.not_found')]);
        return reply(this.deps.notifier, turn.address, language, [{ kind: 'card', card: reachCard(c) }]);
      }
      if (action.id === MEMBER_ACTION.reachSet) {
        const { c: caseId, v } = JSON.parse(action.value) as { c?: unknown; v?: unknown };
        const via = REACH_VIA.find((x) => x === v);
        if (typeof caseId !== 'string' || !via) return;
        const reach = reachOf(via, action.input ?? '');
        // Bad input is refused with what to fix, and what was stored stays as it was.
        if (!reach) {
          return reply(this.deps.notifier, turn.address, language, [
            message(via === 'phone' ? 'report.reach_phone.invalid' : 'report.reach_email.invalid'),
          ]);
        }
        const c = await this.deps.cases.setReach(caseId, actor, reach, now);
        return reply(this.deps.notifier, turn.address, language, [message('member.reach.saved', { number: c.number })]);
      }
      if (action.id === MEMBER_ACTION.consent) {
        const { c: caseId, v } = JSON.parse(action.value) as { c?: unknown; v?: unknown };
        if (typeof caseId !== 'string') return;
        const c = await this.deps.cases.setConsent(caseId, actor, v === 'yes', now);
        const prompts: Prompt[] = [
          message(c.report.consentMunicipality ? 'member.consent.given' : 'member.consent.withdrawn', {
            number: c.number,
          }),
        ];
        return reply(this.deps.notifier, turn.address, language, prompts);
      }
      await reply(this.deps.notifier, turn.address, language, [message('bot.unknown_action')]);
    } catch (error) {
      if (!isVaktpostError(error)) throw error;
      this.deps.logger.info('member action refused', { action: action.id, code: error.code, platform: turn.platform });
      await reply(this.deps.notifier, turn.address, language, [message(`error.${error.code}`)]);
    }
  }

  private async takePending(userId: string): Promise<Pending | null> {
    const stored = await this.deps.stores.keyValues.get(PENDING, userId);
    const parsed = pendingSchema.safeParse(stored);
    await this.deps.stores.keyValues.delete(PENDING, userId);
    return parsed.success ? parsed.data : null;
  }
}
