import { ACTION, decodeStepValue } from '../engine/actions';
import { controlFromText, isCommand, languageFromText, leadingCommand } from '../engine/command-words';
import type { EngineInput } from '../engine/input';
import type { Control } from '../engine/prompt';
import { tx } from '../engine/prompt';
import type { IncomingTurn, TurnHandler } from '../engine/turn';
import type { Language } from '../domain/report';
import { languageFromLocale } from '../i18n/translate';
import { caseListCard, memberCaseCard } from '../cases/case-cards';
import { BINDING_NAMESPACE, type ChannelBinding } from '../cases/routing';
import type { BotDeps } from './bot-deps';
import { CaseActions } from './case-actions';
import { DialogTurns } from './dialog-turns';
import { isPartyAction, PartyActions } from './party-actions';
import { message, reply } from './reply';

const CONTROLS = new Set<Control>(['back', 'skip', 'pause', 'cancel', 'help', 'done']);

/** The core's one entry point for adapters: decides what a turn means and lets the services act on it. */
export function createBot(deps: BotDeps): TurnHandler {
  const dialogs = new DialogTurns(deps);
  const caseActions = new CaseActions(deps);
  const partyActions = new PartyActions(deps);

  async function languageOf(turn: IncomingTurn): Promise<Language> {
    const session = await deps.stores.sessions.get(turn.user.id);
    if (session) return session.language;
    const profile = await deps.stores.profiles.get(turn.user.id);
    return profile?.language ?? languageFromLocale(turn.user.locale);
  }

  async function rememberAddress(turn: IncomingTurn, language: Language): Promise<void> {
    if (!turn.isDirect || turn.address.includes(':home:')) return;
    const profile = await deps.stores.profiles.get(turn.user.id);
    if (profile?.address === turn.address) return;
    await deps.stores.profiles.put({
      ...(profile ?? {}),
      userId: turn.user.id,
      address: turn.address,
      displayName: turn.user.displayName.slice(0, 200),
      ...(profile?.language ? {} : { language }),
      updatedAt: deps.clock.now().toISOString(),
    });
  }

  async function setLanguage(turn: IncomingTurn, language: Language): Promise<void> {
    const profile = await deps.stores.profiles.get(turn.user.id);
    await deps.stores.profiles.put({
      ...(profile ?? {}),
      userId: turn.user.id,
      language,
      updatedAt: deps.clock.now().toISOString(),
    });
    const session = await dialogs.session(turn.user.id);
    if (session) return dialogs.advance(turn, session, { kind: 'language', language });
    await reply(deps.notifier, turn.address, language, [message('engine.language_changed')]);
  }

  async function home(turn: IncomingTurn, language: Language): Promise<void> {
    const mine = await deps.cases.casesOfReporter(turn.user.id);
    const isContact = deps.directory.isAnyContact(turn.user.id);
    const open = isContact ? await deps.cases.openCasesFor(turn.user.id) : [];
    const card = {
      title: tx('bot.home.title'),
      tone: 'normal' as const,
      lines: [tx('bot.home.intro'), ...(mine.length === 0 ? [tx('bot.cases.none_mine')] : [])],
      sections: [
        ...mine.map((c) => ({ heading: memberCaseCard(c).title, fields: memberCaseCard(c).fields })),
        ...(isContact
          ? (caseListCard(tx('bot.cases.open_title'), open, tx('bot.cases.none_open')).sections ?? [])
          : []),
      ],
      actions: [{ id: ACTION.startReport, label: tx('bot.home.report'), value: '', style: 'primary' as const }],
    };
    await reply(deps.notifier, turn.address, language, [{ kind: 'card', card }]);
  }

  /**
   * Binds the channel to a district, by id (`norra-skane`) or name (`Norra Skåne`). Only the district's own security
   * contacts may: the channel receives every alert of the district, so choosing it is their call; the central
   * contact (who sees all cases anyway) binds a channel by being listed as a contact or in the directory file.
   */
  async function bind(turn: IncomingTurn, language: Language, argument: string): Promise<void> {
    const target = turn.channelAddress ?? turn.address;
    const district = deps.directory.findDistrict(argument);
    if (!district) {
      return reply(deps.notifier, target, language, [message('bot.bind.unknown_district', { district: argument })]);
    }
    const districtId = district.id;
    if (!deps.directory.isContactOf(turn.user.id, districtId)) {
      return reply(deps.notifier, target, language, [message('bot.bind.not_contact', { district: district.name })]);
    }
    const binding: ChannelBinding = {
      districtId,
      address: target,
      boundBy: turn.user.id,
      boundAt: deps.clock.now().toISOString(),
    };
    await deps.stores.keyValues.put(BINDING_NAMESPACE, `${districtId}|${target}`, binding);
    deps.logger.info('channel bound', { district: districtId, platform: turn.platform });
    await reply(deps.notifier, target, language, [message('bot.bind.done', { district: district.name })]);
  }

  async function dialogAction(turn: IncomingTurn, language: Language): Promise<void> {
    const action = turn.action;
    const session = await dialogs.session(turn.user.id);
    if (!action) return;
    if (!session) {
      return reply(deps.notifier, turn.address, language, [message('bot.no_session')]);
    }
    let input: EngineInput | null = null;
    if (action.id === ACTION.submit) input = { kind: 'submit' };
    else if (action.id === ACTION.edit) input = { kind: 'edit', stepId: action.value };
    else {
      const decoded = decodeStepValue(action.value);
      if (decoded && action.id === ACTION.answer) {
        const value = action.values && action.values.length > 0 ? action.values : (decoded.value ?? action.input ?? '');
        input = { kind: 'answer', stepId: decoded.stepId, value };
      } else if (decoded?.control && CONTROLS.has(decoded.control as Control)) {
        input = { kind: 'control', control: decoded.control as Control, stepId: decoded.stepId };
      }
    }
    await dialogs.advance(turn, session, input ?? { kind: 'resume' });
  }

  async function directText(turn: IncomingTurn, language: Language): Promise<void> {
    const text = turn.text ?? '';
    const session = await dialogs.session(turn.user.id);
    if (session) {
      if (turn.attachments && turn.attachments.length > 0) {
        await dialogs.advance(turn, session, { kind: 'attachments', files: turn.attachments });
        if (!text.trim()) return;
        const fresh = await dialogs.session(turn.user.id);
        if (!fresh) return;
        return dialogs.advance(turn, fresh, { kind: 'text', text });
      }
      return dialogs.advance(turn, session, { kind: 'text', text });
    }
    const lang = languageFromText(text);
    if (lang) return setLanguage(turn, lang);
    if (isCommand(text, 'cases')) return caseActions.list(turn, language);
    if (isCommand(text, 'district')) return dialogs.start(turn, language, 'district');
    if (controlFromText(text) === 'help') {
      return reply(deps.notifier, turn.address, language, [message('bot.help')]);
    }
    if (controlFromText(text) !== null && !isCommand(text, 'report')) {
      return reply(deps.notifier, turn.address, language, [message('bot.no_session')]);
    }
    // Anyone who writes to the bot without a report in progress is most likely here to report.
    await dialogs.start(turn, language);
    if (turn.attachments && turn.attachments.length > 0) {
      const started = await dialogs.session(turn.user.id);
      if (started) await dialogs.advance(turn, started, { kind: 'attachments', files: turn.attachments });
    }
  }

  async function channelText(turn: IncomingTurn, language: Language): Promise<void> {
    const text = turn.text ?? '';
    const bindTo = leadingCommand(text, 'bind');
    if (bindTo !== null) return bind(turn, language, bindTo);
    if (isCommand(text, 'cases')) return caseActions.list(turn, language);
    await reply(deps.notifier, turn.channelAddress ?? turn.address, language, [message('bot.channel_help')]);
  }

  return {
    async handleTurn(turn) {
      if (!(await deps.stores.events.markProcessed(`${turn.platform}:${turn.eventId}`, deps.clock.now()))) {
        deps.logger.info('duplicate delivery ignored', { platform: turn.platform, event: turn.eventId });
        return;
      }
      const language = await languageOf(turn);
      await rememberAddress(turn, language);
      const action = turn.action;
      if (action) {
        if (action.id.startsWith('case:')) return caseActions.handle(turn, language);
        if (isPartyAction(action.id)) return partyActions.handle(turn, language);
        if (action.id === ACTION.startReport) return dialogs.start(turn, language);
        if (action.id === ACTION.listCases) return caseActions.list(turn, language);
        if (action.id === 'bot:home') return home(turn, language);
        if (action.id === ACTION.language) return setLanguage(turn, action.value === 'en' ? 'en' : 'sv');
        return dialogAction(turn, language);
      }
      if (!turn.isDirect) return channelText(turn, language);
      return directText(turn, language);
    },
  };
}
