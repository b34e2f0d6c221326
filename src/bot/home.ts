import type { Language } from '../domain/report';
import { ACTION } from '../engine/actions';
import type { Card, CardAction } from '../engine/prompt';
import { tx } from '../engine/prompt';
import type { IncomingTurn } from '../engine/turn';
import { caseListCard, memberCaseCard } from '../cases/case-cards';
import type { BotDeps, TurnDeps } from './bot-deps';
import { reply } from './reply';

/** A button for every dialog the registry offers in App Home and the menu, in the registry's order. */
export function menuActions(deps: BotDeps): CardAction[] {
  return deps.registry.menu().map((plugin, index) => ({
    id: ACTION.start,
    label: tx(plugin.start.menu?.label ?? plugin.name),
    value: plugin.dialog.id,
    ...(index === 0 ? { style: 'primary' as const } : {}),
  }));
}

/** The menu ("meny"): what the member can do, with 112 first. */
export function menuCard(deps: BotDeps): Card {
  const descriptions = deps.registry
    .menu()
    .flatMap((p) => (p.start.menu?.description ? [tx(p.start.menu.description)] : []));
  return {
    title: tx('bot.menu.title'),
    tone: 'normal',
    lines: [tx('bot.menu.intro'), ...descriptions],
    actions: [...menuActions(deps), { id: ACTION.listCases, label: tx('bot.menu.cases'), value: '' }],
  };
}

/** App Home: the intro, the member's own cases, a contact's open cases, and the menu's buttons. */
export async function showHome(deps: TurnDeps, turn: IncomingTurn, language: Language): Promise<void> {
  const mine = await deps.cases.casesOfReporter(turn.user.id);
  const isContact = deps.directory.isAnyContact(turn.user.id);
  const open = isContact ? await deps.cases.openCasesFor(turn.user.id) : [];
  const card: Card = {
    title: tx('bot.home.title'),
    tone: 'normal',
    lines: [tx('bot.home.intro'), ...(mine.length === 0 ? [tx('bot.cases.none_mine')] : [])],
    sections: [
      ...mine.map((c) => ({ heading: memberCaseCard(c).title, fields: memberCaseCard(c).fields })),
      ...(isContact ? (caseListCard(tx('bot.cases.open_title'), open, tx('bot.cases.none_open')).sections ?? []) : []),
    ],
    actions: menuActions(deps),
  };
  await reply(deps.notifier, turn.address, language, [{ kind: 'card', card }]);
}
