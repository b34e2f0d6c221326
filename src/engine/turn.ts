import type { AttachmentRef } from '../domain/report';

/**
 * A platform's name as its adapter gives it (`slack`, `teams`, `web`, `console`). The core lists none: addresses and
 * user ids start with it, and the directory holds accounts and alert channels by it.
 */
export type Platform = string;

/**
 * One thing a user did on a platform, translated by an adapter into neutral terms. The bot service decides what it
 * means (a dialog answer, a case action, a command).
 */
export interface IncomingTurn {
  /** The platform's delivery id (Slack event id, Teams activity id, ...): a repeat changes nothing. */
  eventId: string;
  platform: Platform;
  /** Where replies to this user go: their DM or personal chat (opaque). */
  address: string;
  /** True in a one-to-one conversation with the bot; false in a channel. */
  isDirect: boolean;
  /** Channel address when the turn happened in a channel. */
  channelAddress?: string;
  user: {
    /** Opaque platform user id, e.g. `slack:U123`, `teams:<aad object id>`, `web:member`. */
    id: string;
    displayName: string;
    /** Platform locale (e.g. `sv-SE`, `en-US`) when known. */
    locale?: string;
  };
  /** Typed text, as written. */
  text?: string;
  /** A button or form action: `id` as the core gave it on a CardAction or question, `value` as given. */
  action?: { id: string; value: string; input?: string; values?: string[] };
  /** Files shared with the message. */
  attachments?: AttachmentRef[];
}

/** The bot's single entry point for adapters. */
export interface TurnHandler {
  /** Handles a turn; replies go out through the notifier. Never throws for user mistakes. */
  handleTurn(turn: IncomingTurn): Promise<void>;
}
