import { randomUUID } from 'node:crypto';
import type { Person } from '../../src/directory/schema';
import type { IncomingTurn } from '../../src/engine/turn';

/** The console's addresses: a person's "direct message" and a district's channel as printed in the terminal. */
export const consoleDm = (account: string): string => `console:dm:${account}`;
export const consoleUserId = (account: string): string => `console:${account}`;

/** What a line asks for, once the console's own commands and button numbers are taken out. */
export type TurnContent = Pick<IncomingTurn, 'text' | 'action'>;

/**
 * A line typed (or a button pressed) by the person at the terminal, as the core's neutral turn. The console has no
 * channel input: people type as in a direct chat, and channel cards are pressed by number.
 */
export function turnFromLine(person: Person, account: string, content: TurnContent): IncomingTurn {
  return {
    eventId: randomUUID(),
    platform: 'console',
    address: consoleDm(account),
    isDirect: true,
    user: { id: consoleUserId(account), displayName: person.name, locale: 'sv-SE' },
    ...content,
  };
}
