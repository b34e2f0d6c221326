import type { Language } from '../domain/report';
import { ACTION } from '../engine/actions';
import type { AdvanceResult } from '../engine/advance';
import type { EngineInput } from '../engine/input';
import type { Prompt } from '../engine/prompt';
import { tx } from '../engine/prompt';
import type { DialogPlugin } from '../engine/registry';
import { sessionKeyOf, type Session } from '../engine/session';
import type { IncomingTurn } from '../engine/turn';
import { inboxIdOf } from '../ports/inbox';
import type { TurnDeps } from './bot-deps';
import { foreground, priorityOf } from './open-dialogs';
import { message, reply } from './reply';

/**
 * Runs dialog turns for any registered dialog: load the member's sessions, advance the engine, let the dialog's
 * service carry out its effects, store what must last, then reply. It knows dialogs only through the registry.
 */
export class DialogTurns {
  constructor(private readonly deps: TurnDeps) {}

  /** The member's open sessions, one per dialog. */
  open(userId: string): Promise<Session[]> {
    return this.deps.stores.sessions.ofUser(userId);
  }

  /**
   * Starts the dialog, or continues it when it is open already. With another dialog open the rule is: a dialog of
   * higher priority starts now and the open one waits with its answers (the report always wins); otherwise the open
   * one continues, and the member is told how to come back to this one. Nothing started is lost either way.
   */
  async start(turn: IncomingTurn, language: Language, plugin: DialogPlugin): Promise<void> {
    const open = await this.open(turn.user.id);
    const front = foreground(open);
    const same = open.find((s) => s.dialogId === plugin.dialog.id);
    const before: Prompt[] = [];
    if (front && front.key !== same?.key) {
      if (plugin.priority <= priorityOf(this.deps.registry, front)) {
        const notice = message('bot.dialog.finish_first', { open: tx(this.nameOf(front)), wanted: tx(plugin.name) });
        return this.advance(turn, front, { kind: 'resume' }, [notice]);
      }
      await this.suspend(front);
      before.push(message('bot.dialog.waits', { open: tx(this.nameOf(front)) }));
    }
    if (same) return this.advance(turn, same, { kind: 'resume' }, before);
    const seed = {
      key: sessionKeyOf(turn.user.id, plugin.dialog.id),
      userId: turn.user.id,
      displayName: this.displayName(turn),
      address: turn.address,
      language,
      context: await this.contextFor(turn.user.id),
    };
    const result = this.deps.engine.start(plugin.dialog.id, seed, this.deps.clock.now());
    await this.apply(turn, null, result, before);
  }

  /**
   * A turn replayed after a crash whose session write was stored already: queues again what it answered, under the
   * same ids, so whatever was queued before the crash is not queued twice and whatever was not is queued now; a
   * session this turn ended is deleted (again). Also how a turn that ends a session finishes the first time.
   */
  async replayed(session: Session): Promise<void> {
    const last = session.lastReplies;
    if (last) {
      // The same ids as when they were first queued: whatever is in the outbox already is not queued again.
      this.deps.notifier.scope.next = last.firstIndex;
      await reply(this.deps.notifier, last.address, last.language, last.prompts);
    }
    if (session.ending) await this.deps.stores.sessions.delete(session.key);
  }

  /** Advances the session with the input; a waiting session that is advanced is in front again. */
  async advance(turn: IncomingTurn, session: Session, input: EngineInput, before: Prompt[] = []): Promise<void> {
    const { suspended: _waiting, ...rest } = session;
    // The member may write from another conversation of the same platform (e.g. Slack Home → DM): reply where they are.
    const current = turn.isDirect && turn.address !== rest.address ? { ...rest, address: turn.address } : rest;
    const result = this.deps.engine.advance(current, input, this.deps.clock.now());
    await this.apply(turn, session, result, before);
  }

  /** Continues the named open dialog (the button offered when another dialog ended while it waited). */
  async resume(turn: IncomingTurn, language: Language, dialogId: string): Promise<void> {
    const plugin = this.deps.registry.get(dialogId);
    const open = await this.open(turn.user.id);
    if (!plugin || !open.some((s) => s.dialogId === dialogId)) {
      return reply(this.deps.notifier, turn.address, language, [message('bot.no_session')]);
    }
    return this.start(turn, language, plugin);
  }

  private async suspend(session: Session): Promise<void> {
    const next = { ...session, suspended: true, revision: session.revision + 1 };
    // Lost only to another turn of the same member on this session, which keeps it open as well: nothing is lost.
    await this.deps.stores.sessions.put(next, session.revision);
  }

  private nameOf(session: Session): string {
    return this.deps.registry.get(session.dialogId)?.name ?? 'bot.dialog.unknown_name';
  }

  /** Facts about the member that dialogs may branch on (`districtKnown`: the directory or profile knows it). */
  private async contextFor(userId: string): Promise<Record<string, string>> {
    const known = this.deps.directory.districtOfUser(userId);
    const profile = await this.deps.profiles.get(userId);
    const districtKnown = !!known || (!!profile?.districtId && !!this.deps.directory.district(profile.districtId));
    return { districtKnown: districtKnown ? 'yes' : 'no' };
  }

  private displayName(turn: IncomingTurn): string {
    return this.deps.directory.personOf(turn.user.id)?.name ?? turn.user.displayName;
  }

  /**
   * Effects in order: prompts are collected, a step's effect or the submitted result goes to the dialog's service
   * (which stores a case before the session is removed). Then the session is stored, with this turn's id and replies
   * (`Session.lastTurn`, `lastReplies`), and only then the replies are queued, so a crash never shows a question that
   * was not saved and a replayed turn knows it was applied. A turn that ends the session queues its replies before
   * the session goes, so a replay that finds it gone finds its replies (same ids) and queues nothing twice. A
   * submitted case's id comes from the session, so a replayed submit finds the stored case instead of a second.
   */
  private async apply(
    turn: IncomingTurn,
    previous: Session | null,
    result: AdvanceResult,
    before: Prompt[],
  ): Promise<void> {
    let session = result.session;
    const prompts = [...before];
    for (const effect of result.effects) {
      if (effect.type === 'send') prompts.push(effect.prompt);
      if (effect.type !== 'emit' && effect.type !== 'submit') continue;
      const plugin = this.deps.registry.get(effect.dialogId);
      const service = plugin ? this.deps.services[plugin.service] : undefined;
      const at = session ?? previous;
      if (!plugin || !service || !at) throw new Error(`bot: no service for dialog "${effect.dialogId}"`);
      const submitted = effect.type === 'submit';
      const outcome = await service.handle({
        dialogId: effect.dialogId,
        name: submitted ? 'submit' : effect.name,
        payload: submitted ? effect.result : effect.payload,
        session: at,
        turn,
        turnId: this.deps.notifier.scope.turnId,
      });
      prompts.push(...outcome.prompts);
      if (submitted) prompts.push(...(plugin.dialog.afterSubmit(effect.result) as Prompt[]));
      else if (outcome.context && session)
        session = { ...session, context: { ...session.context, ...outcome.context } };
    }
    const language = session?.language ?? previous?.language ?? 'sv';
    const address = session?.address ?? previous?.address ?? turn.address;
    if (session) {
      const expectedRevision = previous?.revision ?? null;
      const lastReplies = { address, language, prompts, firstIndex: this.deps.notifier.scope.next };
      const next = { ...session, revision: (expectedRevision ?? -1) + 1, lastTurn: inboxIdOf(turn), lastReplies };
      if (!(await this.deps.stores.sessions.put(next, expectedRevision))) {
        // Another turn of the same member was stored first (a double press); show where the dialog stands now.
        const fresh = (await this.open(turn.user.id)).find((s) => s.key === next.key);
        if (fresh) return this.advance(turn, fresh, { kind: 'resume' });
      }
    } else if (previous) {
      // The session is marked as ended by this turn, with its replies, before they are queued and it is deleted: a
      // replay finds either the mark (and finishes from it) or no session and the replies queued.
      prompts.push(...(await this.waiting(turn.user.id, previous.key)));
      const lastReplies = { address, language, prompts, firstIndex: this.deps.notifier.scope.next };
      const ending = {
        ...previous,
        revision: previous.revision + 1,
        lastTurn: inboxIdOf(turn),
        lastReplies,
        ending: true,
      };
      if (!(await this.deps.stores.sessions.put(ending, previous.revision))) {
        // Another turn of the same member was stored first (a double press); show where the dialog stands now.
        const fresh = (await this.open(turn.user.id)).find((s) => s.key === previous.key);
        if (fresh) return this.advance(turn, fresh, { kind: 'resume' });
      }
      return this.replayed(ending);
    }
    await reply(this.deps.notifier, address, language, prompts);
  }

  /** After a dialog ended: the dialogs still open, each with a button to go on with it. */
  private async waiting(userId: string, endedKey: string): Promise<Prompt[]> {
    const open = (await this.open(userId)).filter((s) => s.key !== endedKey);
    return open.map((s) => ({
      kind: 'card',
      card: {
        title: tx('bot.dialog.waiting_title'),
        tone: 'normal',
        lines: [tx('bot.dialog.waiting', { open: tx(this.nameOf(s)) })],
        actions: [{ id: ACTION.resume, label: tx('bot.dialog.continue'), value: s.dialogId, style: 'primary' }],
      },
    }));
  }
}
