import type { Language } from '../domain/report';
import type { IncomingTurn } from '../engine/turn';
import type { BotDeps } from './bot-deps';

/**
 * Keeps the member's direct conversation in their profile, so the bot can reach them proactively (a contact took
 * their case). Only a direct conversation counts; App Home is not one.
 */
export async function rememberAddress(deps: BotDeps, turn: IncomingTurn, language: Language): Promise<void> {
  if (!turn.isDirect || turn.address.includes(':home:')) return;
  await deps.profiles.update(turn.user.id, (profile) =>
    profile?.address === turn.address
      ? null
      : {
          address: turn.address,
          displayName: turn.user.displayName.slice(0, 200),
          ...(profile?.language ? {} : { language }),
        },
  );
}
