import { pendingNotification } from '../domain/notification';
import { replyStream } from '../delivery/outbox-notifier';
import type { AttachmentRef } from '../domain/report';
import type { Session } from '../engine/session';
import { filesOfAnswers } from '../evidence/evidence-vault';
import { tx } from '../engine/prompt';
import type { KeyValueStore } from '../ports/key-value-store';
import type { Logger } from '../ports/logger';
import type { OutboxStore } from '../ports/outbox-store';
import type { SessionStore } from '../ports/session-store';

/** How many idle sessions one sweep expires at most; the next sweep takes the rest. */
const BATCH = 200;

/** What session expiry needs. */
export interface SessionExpiryDeps {
  sessions: SessionStore;
  outbox: OutboxStore;
  /** How long a session may lie untouched before it is removed (SESSION_EXPIRY_HOURS). */
  maxIdleMs: number;
  /** The i18n key naming a dialog in a sentence ("din rapport"), from the dialog registry. */
  dialogName(dialogId: string): string;
  logger: Logger;
  /**
   * Words held for a member outside any session, under the same limit: key-value namespaces whose values record
   * when they were written in `at` (an addition offered to the member's open case and never answered).
   */
  held?: { keyValues: KeyValueStore; namespaces: string[] };
  /** Vaktpost's copies of the files sent in a removed session go with it. */
  evidence?: { remove(files: AttachmentRef[]): Promise<number> };
}

/**
 * Removes dialog sessions nobody has touched for `maxIdleMs` (a report begun and left: its answers are sensitive
 * and should not wait for ever), each with a last, warm message to the member through the outbox: what was removed,
 * that they can start again any time, and 112. The delete is conditional on the revision read, so a member who
 * answers at that very moment keeps their answers and gets no message. The delete comes before the message: a
 * message saying "removed" about answers that are still there would be wrong, and a crash in between loses only the
 * message. Returns the ids of the messages queued.
 */
export async function expireSessions(deps: SessionExpiryDeps, at: Date): Promise<string[]> {
  const cutoff = new Date(at.getTime() - deps.maxIdleMs);
  const idle = await deps.sessions.listIdleSince(cutoff, BATCH);
  const queued: string[] = [];
  for (const session of idle) {
    if (!(await deps.sessions.delete(session.key, session.revision))) continue;
    await deps.evidence?.remove(filesOfAnswers(session.answers));
    const id = `session-expired:${session.key}:${session.revision}`;
    await deps.outbox.enqueue([lastMessage(deps, session, id, at)]);
    queued.push(id);
  }
  if (queued.length > 0) deps.logger.info('unfinished sessions expired', { count: queued.length });
  if (deps.held) {
    const removed = await expireHeld(deps.held, cutoff, deps.evidence);
    if (removed > 0) deps.logger.info('held words expired', { count: removed });
  }
  return queued;
}

/**
 * Removes held words written before `cutoff`, silently: the member was asked what to do with them and did not
 * answer; pressing the old button later says there is nothing to add. A value without a readable `at` is left alone.
 */
async function expireHeld(
  held: NonNullable<SessionExpiryDeps['held']>,
  cutoff: Date,
  evidence: SessionExpiryDeps['evidence'],
): Promise<number> {
  let removed = 0;
  for (const namespace of held.namespaces) {
    for (const { key, value } of await held.keyValues.list<{ at?: unknown; files?: unknown }>(namespace)) {
      const written = typeof value?.at === 'string' ? Date.parse(value.at) : Number.NaN;
      if (Number.isNaN(written) || written >= cutoff.getTime()) continue;
      await held.keyValues.delete(namespace, key);
      // Files held with the words (sent after the report, never added): their copies go too.
      await evidence?.remove(filesOfAnswers({ files: value.files }));
      removed += 1;
    }
  }
  return removed;
}

function lastMessage(deps: SessionExpiryDeps, session: Session, id: string, at: Date) {
  return pendingNotification({
    id,
    address: session.address,
    message: {
      language: session.language,
      prompt: {
        kind: 'message',
        text: tx('bot.privacy.session_expired', { open: tx(deps.dialogName(session.dialogId)) }),
      },
    },
    createdAt: at.toISOString(),
    caseId: null,
    seq: 0,
    // In the member's reply stream, after anything still on its way to them.
    stream: replyStream(session.address),
  });
}
