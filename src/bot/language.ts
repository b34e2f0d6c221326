import type { Language } from '../domain/report';
import type { Session } from '../engine/session';
import type { IncomingTurn } from '../engine/turn';
import { languageFromLocale } from '../i18n/translate';
import type { BotDeps } from './bot-deps';

/**
 * The language to answer in: the open dialog's (the member may have switched inside it), else the one they chose,
 * else their platform's locale (Swedish when unknown).
 */
export async function languageOf(deps: BotDeps, turn: IncomingTurn, front: Session | null): Promise<Language> {
  if (front) return front.language;
  const profile = await deps.profiles.get(turn.user.id);
  return profile?.language ?? languageFromLocale(turn.user.locale);
}
