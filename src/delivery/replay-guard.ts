import type { IncomingTurn } from '../engine/turn';
import { inboxIdOf, turnPartId } from '../ports/inbox';
import type { Stores } from '../ports/stores';
import { replyId } from './turn-scope';

/**
 * True when a replayed turn finished its work before the crash without leaving its mark in a session: it ended its
 * dialog (a submit or a cancel: its replies are queued before the session is deleted) or it was no dialog turn at all
 * (a case button: its replies are queued after the case write). Its first reply is queued, so it is not run again;
 * a submit run again without its session would read as a new conversation. When a session carries the turn's id,
 * the bot replays from the session instead (src/bot/create-bot.ts).
 */
export async function finishedBefore(stores: Pick<Stores, 'sessions' | 'outbox'>, turn: IncomingTurn) {
  const id = inboxIdOf(turn);
  const marks = [id, turnPartId(id, 'files'), turnPartId(id, 'started')];
  if ((await stores.sessions.ofUser(turn.user.id)).some((s) => marks.includes(s.lastTurn ?? ''))) return false;
  return (await stores.outbox.get(replyId(id, 0))) !== null;
}
