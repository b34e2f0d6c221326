import { createHash } from 'node:crypto';
import type { Language, Report } from '../domain/report';
import type { AdvanceResult, Effect } from '../engine/advance';
import type { EngineInput } from '../engine/input';
import type { Prompt } from '../engine/prompt';
import type { Session } from '../engine/session';
import type { IncomingTurn } from '../engine/turn';
import type { BotDeps } from './bot-deps';
import type { ReportSubmission } from './district-step';
import { message, reply } from './reply';

/** Runs dialog turns: load the session, advance the engine, store what must last, then reply. */
export class DialogTurns {
  constructor(private readonly deps: BotDeps) {}

  async session(userId: string): Promise<Session | null> {
    return this.deps.stores.sessions.get(userId);
  }

  /** Starts a dialog for the user (the report unless named), or resumes the one in progress. */
  async start(turn: IncomingTurn, language: Language, dialogId = 'report'): Promise<void> {
    const existing = await this.session(turn.user.id);
    if (existing) return this.advance(turn, existing, { kind: 'resume' });
    const context = await this.contextFor(turn.user.id);
    const seed = {
      key: turn.user.id,
      userId: turn.user.id,
      displayName: this.displayName(turn),
      address: turn.address,
      language,
      context,
    };
    const result = this.deps.engine.start(dialogId, seed, this.deps.clock.now());
    await this.apply(turn, null, result);
  }

  /** Advances the user's session with the input. */
  async advance(turn: IncomingTurn, session: Session, input: EngineInput): Promise<void> {
    // The member may write from another conversation of the same platform (e.g. Slack Home → DM): reply where they are.
    const current = turn.isDirect && turn.address !== session.address ? { ...session, address: turn.address } : session;
    const result = this.deps.engine.advance(current, input, this.deps.clock.now());
    await this.apply(turn, session, result);
  }

  private async contextFor(userId: string): Promise<Record<string, string>> {
    const known = this.deps.directory.districtOfUser(userId);
    const profile = await this.deps.stores.profiles.get(userId);
    const districtKnown = !!known || (!!profile?.districtId && !!this.deps.directory.district(profile.districtId));
    return { districtKnown: districtKnown ? 'yes' : 'no' };
  }

  private displayName(turn: IncomingTurn): string {
    return this.deps.directory.personOf(turn.user.id)?.name ?? turn.user.displayName;
  }

  /**
   * Stores first, replies after: the session (or the case) is written before the member sees the next question, so
   * a crash never shows a step that was not saved. A submitted report is stored as a case before the session goes.
   */
  private async apply(turn: IncomingTurn, previous: Session | null, result: AdvanceResult): Promise<void> {
    const submit = result.effects.find((e): e is Extract<Effect, { type: 'submit' }> => e.type === 'submit');
    const sends = result.effects
      .filter((e): e is Extract<Effect, { type: 'send' }> => e.type === 'send')
      .map((e) => e.prompt);
    const language = result.session?.language ?? previous?.language ?? 'sv';
    const address = result.session?.address ?? previous?.address ?? turn.address;
    if (submit && previous) {
      const after = await this.submit(submit, previous, turn);
      await this.deps.stores.sessions.delete(previous.key);
      await reply(this.deps.notifier, address, previous.language, [...sends, ...after]);
      return;
    }
    if (result.session) {
      const expectedRevision = previous?.revision ?? null;
      const next = { ...result.session, revision: (expectedRevision ?? -1) + 1 };
      if (!(await this.deps.stores.sessions.put(next, expectedRevision))) {
        // Another turn of the same member was stored first (a double press); show where the dialog stands now.
        const fresh = await this.session(turn.user.id);
        if (fresh) return this.advance(turn, fresh, { kind: 'resume' });
      }
    } else if (previous) {
      await this.deps.stores.sessions.delete(previous.key);
    }
    await reply(this.deps.notifier, address, language, sends);
  }

  private async submit(
    effect: Extract<Effect, { type: 'submit' }>,
    session: Session,
    turn: IncomingTurn,
  ): Promise<Prompt[]> {
    const now = this.deps.clock.now();
    if (effect.dialogId === 'district') {
      const { districtId } = effect.result as { districtId: string };
      await this.rememberDistrict(session, districtId, now);
      return [
        message('bot.district.saved', { district: this.deps.directory.district(districtId)?.name ?? districtId }),
      ];
    }
    const submission = effect.result as ReportSubmission;
    if (submission.districtId) await this.rememberDistrict(session, submission.districtId, now);
    const districtId = await this.districtOf(session.userId, submission.districtId);
    const report: Report = submission.report;
    const c = await this.deps.cases.submit(
      {
        // Same session, same id: a retried submit after a crash finds the stored case instead of making a second.
        id: `c${createHash('sha256').update(`${session.key}|${session.startedAt}`).digest('hex').slice(0, 20)}`,
        reporter: {
          userId: session.userId,
          displayName: session.displayName,
          address: turn.isDirect ? turn.address : session.address,
          language: session.language,
        },
        districtId,
        report,
        exposedUserId: report.reporter.onBehalf ? null : session.userId,
      },
      now,
    );
    this.deps.logger.info('case submitted', { case: c.id, number: c.number, district: c.districtId, urgent: c.urgent });
    const district = this.deps.cases.districtName(c);
    const received = c.owner
      ? message('bot.submitted.owned', { number: c.number, district })
      : message(c.urgent ? 'bot.submitted.urgent' : 'bot.submitted', { number: c.number, district });
    return [received, ...this.deps.reportDialog.afterSubmit(submission)];
  }

  private async districtOf(userId: string, chosen: string | undefined): Promise<string> {
    const known = this.deps.directory.districtOfUser(userId);
    if (known) return known.id;
    if (chosen) return chosen;
    const profile = await this.deps.stores.profiles.get(userId);
    if (profile?.districtId && this.deps.directory.district(profile.districtId)) return profile.districtId;
    // Unreachable through the dialog (it asks when unknown); the central contact is the safe fallback.
    return this.deps.directory.districts()[0]?.id ?? 'unknown';
  }

  private async rememberDistrict(session: Session, districtId: string, now: Date): Promise<void> {
    const profile = await this.deps.stores.profiles.get(session.userId);
    await this.deps.stores.profiles.put({
      ...(profile ?? {}),
      userId: session.userId,
      districtId,
      updatedAt: now.toISOString(),
    });
  }
}
