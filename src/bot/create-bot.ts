import { dmAddressOf } from '../domain/address';
import type { AttachmentRef, Language } from '../domain/report';
import { ACTION } from '../engine/actions';
import { controlFromText, isCommand, languageFromText, leadingCommand } from '../engine/command-words';
import type { DialogPlugin } from '../engine/registry';
import type { Session } from '../engine/session';
import type { IncomingTurn, TurnHandler } from '../engine/turn';
import { inboxIdOf, turnPartId, type TurnPart } from '../ports/inbox';
import { bindChannel } from './binding';
import type { BotDeps, TurnDeps } from './bot-deps';
import type { TurnNotifier } from '../delivery/turn-scope';
import { CaseActions } from './case-actions';
import { dialogInputOf, isDialogAction } from './dialog-input';
import { DialogTurns } from './dialog-turns';
import { menuCard, showHome } from './home';
import { isPartyAction, PartyActions } from './party-actions';
import { PrivacyActions } from './privacy-actions';
import { languageOf } from './language';
import { foreground, priorityOf, sessionAtStep } from './open-dialogs';
import { rememberAddress } from './remember-address';
import { isMemberAction, MemberFollowUp } from './member-follow-up';
import { message, reply } from './reply';

/** The core as the inbox sees it: the work on one turn, with the turn's own outbox. */
export interface TurnProcessor {
  /** Handles a turn; every reply goes through `out`. Never throws for user mistakes. */
  handleTurn(turn: IncomingTurn, out: TurnNotifier): Promise<void>;
}

/**
 * The core behind the inbox: decides what a turn means (a case button, a dialog's button, a command word, an answer)
 * and hands it on. Dialogs are reached only through the registry. The per-turn code is built for each turn around the
 * turn's outbox (`TurnDeps`): the scope is passed down, not looked up.
 */
export function createBot(deps: BotDeps): TurnProcessor {
  return {
    handleTurn: (turn, out) =>
      botForTurn({ ...deps, notifier: out, cases: deps.cases.forTurn(out.scope.turnId) }).handleTurn(turn),
  };
}

/** The turn as its first part (see `turnPartId`): its session mark says the second part is still to come. */
function partOf(turn: IncomingTurn, part: TurnPart): IncomingTurn {
  return { ...turn, eventId: `${turn.eventId}#${part}` };
}

function botForTurn(deps: TurnDeps): TurnHandler {
  const dialogs = new DialogTurns(deps);
  const caseActions = new CaseActions(deps);
  const partyActions = new PartyActions(deps);
  const privacyActions = new PrivacyActions(deps, deps.privacy);
  const followUp = new MemberFollowUp(deps);

  /**
   * A new report; the files go into it. When they are the turn's own (`marked`), the start is stored as the turn's
   * first part, so a replay after a crash before the files are in still adds them.
   */
  async function startReport(
    turn: IncomingTurn,
    language: Language,
    files: AttachmentRef[],
    marked = false,
  ): Promise<void> {
    const primary = deps.registry.primary();
    if (!primary) return reply(deps.notifier, turn.address, language, [message('bot.help')]);
    await dialogs.start(marked && files.length > 0 ? partOf(turn, 'started') : turn, language, primary);
    if (files.length === 0) return;
    const begun = foreground(await dialogs.open(turn.user.id));
    if (begun) await dialogs.advance(turn, begun, { kind: 'attachments', files });
  }

  async function setLanguage(turn: IncomingTurn, language: Language, front: Session | null): Promise<void> {
    await deps.profiles.setLanguage(turn.user.id, language);
    if (front) return dialogs.advance(turn, front, { kind: 'language', language });
    await reply(deps.notifier, turn.address, language, [message('engine.language_changed')]);
  }

  /** The plugin an action starts: the named dialog, or the primary one (the report) for an empty value. */
  function pluginToStart(dialogId: string): DialogPlugin | undefined {
    return dialogId === '' ? deps.registry.primary() : deps.registry.get(dialogId);
  }

  async function action(turn: IncomingTurn, language: Language, open: Session[]): Promise<void> {
    const pressed = turn.action;
    if (!pressed) return;
    if (pressed.id.startsWith('case:')) return caseActions.handle(turn, language);
    if (isPartyAction(pressed.id)) return partyActions.handle(turn, language);
    if (isMemberAction(pressed.id))
      return followUp.handle(turn, language, (files) => startReport(turn, language, files));
    if (pressed.id === ACTION.listCases) return caseActions.list(turn, language);
    if (pressed.id === ACTION.home) return showHome(deps, turn, language);
    if (pressed.id === ACTION.language)
      return setLanguage(turn, pressed.value === 'en' ? 'en' : 'sv', foreground(open));
    if (pressed.id === ACTION.resume) return dialogs.resume(turn, language, pressed.value);
    const owner = Object.values(deps.services).find((s) => s.actionPrefixes?.some((p) => pressed.id.startsWith(p)));
    if (owner?.act) return reply(deps.notifier, turn.address, language, await owner.act(turn, language));
    if (pressed.id === ACTION.start || pressed.id === ACTION.startReport) {
      const plugin = pluginToStart(pressed.id === ACTION.start ? pressed.value : '');
      if (plugin) return dialogs.start(turn, language, plugin);
    }
    if (isDialogAction(pressed.id)) {
      const { input, stepId } = dialogInputOf(pressed);
      const session = sessionAtStep(open, stepId);
      if (session) return dialogs.advance(turn, session, input);
      return reply(deps.notifier, turn.address, language, [message('bot.dialog.none')]);
    }
    await reply(deps.notifier, turn.address, language, [message('bot.unknown_action')]);
  }

  function takesFreeText(session: Session): boolean {
    const step = deps.registry.get(session.dialogId)?.dialog.steps.find((s) => s.id === session.stepId);
    return step?.input.type === 'text';
  }

  async function directText(turn: IncomingTurn, language: Language, open: Session[]): Promise<void> {
    const text = turn.text ?? '';
    const front = foreground(open);
    const started = deps.registry.startedBy(text);
    if (front) {
      // Another dialog's start word goes by the rule for starting one while another is open (the report wins),
      // unless the open question takes free text, where it is the member's answer. Anything else is for the open
      // dialog, where the engine reads controls and answers.
      // "Hur går det med mitt ärende?" is answered at any time; then the open question again.
      if (isCommand(text, 'status') && !takesFreeText(front)) {
        await followUp.status(turn, language);
        return dialogs.advance(turn, front, { kind: 'resume' });
      }
      if (started && started.dialog.id !== front.dialogId) {
        const higher = started.priority > priorityOf(deps.registry, front);
        if (higher || !takesFreeText(front)) return dialogs.start(turn, language, started);
      }
      if (turn.attachments && turn.attachments.length > 0) {
        const files = { kind: 'attachments', files: turn.attachments } as const;
        if (!text.trim()) return dialogs.advance(turn, front, files);
        await dialogs.advance(partOf(turn, 'files'), front, files);
        const fresh = foreground(await dialogs.open(turn.user.id));
        if (!fresh) return;
        return dialogs.advance(turn, fresh, { kind: 'text', text });
      }
      return dialogs.advance(turn, front, { kind: 'text', text });
    }
    const lang = languageFromText(text);
    if (lang) return setLanguage(turn, lang, null);
    const statistics = leadingCommand(text, 'statistics');
    if (statistics !== null) return partyActions.statistics(turn, language, statistics, turn.address);
    const readersOf = leadingCommand(text, 'readers');
    if (readersOf !== null) return privacyActions.readers(turn, language, readersOf);
    const eraseWho = leadingCommand(text, 'erase');
    if (eraseWho !== null) return privacyActions.erase(turn, language, eraseWho);
    if (isCommand(text, 'cases')) return caseActions.list(turn, language);
    if (isCommand(text, 'status')) return followUp.status(turn, language);
    if (isCommand(text, 'menu'))
      return reply(deps.notifier, turn.address, language, [{ kind: 'card', card: menuCard(deps) }]);
    if (started) return dialogs.start(turn, language, started);
    if (controlFromText(text) === 'help') {
      return reply(deps.notifier, turn.address, language, [
        message('bot.help'),
        { kind: 'card', card: menuCard(deps) },
      ]);
    }
    if (controlFromText(text) !== null)
      return reply(deps.notifier, turn.address, language, [message('bot.dialog.none')]);
    // After a report is in, what the member sends (screenshots "sent later", a new message) is offered as an addition
    // to their open case instead of starting a new report; a greeting alone still starts one.
    const files = turn.attachments ?? [];
    if ((files.length > 0 || !isCommand(text, 'resume')) && (await followUp.offer(turn, language))) return;
    // Anyone who writes to the bot with nothing in progress is most likely here for the primary dialog (to report).
    await startReport(turn, language, files, true);
  }

  async function channelText(turn: IncomingTurn, language: Language): Promise<void> {
    const text = turn.text ?? '';
    const bindTo = leadingCommand(text, 'bind');
    if (bindTo !== null) return bindChannel(deps, turn, language, bindTo);
    // Statistics asked for in a channel go to the asker's direct messages: their scope, not the channel's.
    const statistics = leadingCommand(text, 'statistics');
    if (statistics !== null) {
      return partyActions.statistics(turn, language, statistics, dmAddressOf(turn.user.id));
    }
    if (isCommand(text, 'cases')) return caseActions.list(turn, language);
    await reply(deps.notifier, turn.channelAddress ?? turn.address, language, [message('bot.channel_help')]);
  }

  return {
    async handleTurn(turn) {
      const open = await dialogs.open(turn.user.id);
      // Redeliveries never get here (the inbox keeps one record per delivery), but a turn replayed after a crash does:
      // when its answer is stored already, it only queues its replies again (same ids: nothing twice).
      const id = inboxIdOf(turn);
      const applied = open.find((s) => s.lastTurn === id);
      if (applied) return dialogs.replayed(applied);
      // Cut short between its two steps: the first one's replies again (same ids), then the second.
      const filesIn = open.find((s) => s.lastTurn === turnPartId(id, 'files'));
      if (filesIn) {
        await dialogs.replayed(filesIn);
        return dialogs.advance(turn, filesIn, { kind: 'text', text: turn.text ?? '' });
      }
      const started = open.find((s) => s.lastTurn === turnPartId(id, 'started'));
      if (started) {
        await dialogs.replayed(started);
        return dialogs.advance(turn, started, { kind: 'attachments', files: turn.attachments ?? [] });
      }
      const language = await languageOf(deps, turn, foreground(open));
      await rememberAddress(deps, turn, language);
      if (turn.action) return action(turn, language, open);
      if (!turn.isDirect) return channelText(turn, language);
      return directText(turn, language, open);
    },
  };
}
