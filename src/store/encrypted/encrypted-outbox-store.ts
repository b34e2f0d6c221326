import type { Notification } from '../../domain/notification';
import type { OutgoingMessage } from '../../engine/prompt';
import type { OutboxStore } from '../../ports/outbox-store';
import { VaktpostError } from '../../domain/errors';
import { SHARED_SUBJECT, type DataKeys } from './data-keys';
import type { EncryptedCaseRepository } from './encrypted-case-repository';
import { isSealedMessage, openMessage, sealMessageText, toJson } from './sealed-json';

const aad = (id: string): string => `outbox:${id}/message`;

/** Pending replies whose plaintext is kept, at most (a storm's backlog; older ones are decrypted again if asked). */
const KEPT_REPLIES = 2_000;

/**
 * Encrypts what an outbox entry carries (the rendered message) under its case's data key, so erasing a case also
 * makes its queued notifications unreadable; the delivery state stays in clear for the dispatcher's queries. Case
 * notifications are mostly references (`render`, no words) and the stores drop any message once it is delivered.
 */
export class EncryptedOutboxStore implements OutboxStore {
  /**
   * The plaintext of pending messages sealed with the shared key (bot replies), by id, with the sealed value it
   * belongs to: the dispatcher reads a reply several times before it is sent (each pass's due list, its stream, the
   * send), and each read decrypted and parsed it again: 79 decryptions per DM when a member's replies waited for
   * Slack's per-conversation rate. Kept only until the message is over (sent, dead, superseded). Messages sealed with
   * a case's key are not kept: anonymising or erasing the case must make them unreadable at once.
   */
  private readonly replies = new Map<string, { sealed: string; message: OutgoingMessage }>();

  constructor(
    private readonly inner: OutboxStore,
    private readonly keys: DataKeys,
    private readonly cases: EncryptedCaseRepository,
  ) {}

  /**
   * The key of an entry: its case's own key when the case exists (so anonymising the case makes the entry unreadable
   * too), otherwise the shared key. The stand-in records which, so opening never guesses.
   */
  private async sealingKey(n: Notification): Promise<{ key: Buffer; caseKey: boolean }> {
    const caseKey = n.caseId === null ? null : await this.cases.keyOf(n.caseId);
    return caseKey ? { key: caseKey, caseKey: true } : { key: await this.keys.require(SHARED_SUBJECT), caseKey: false };
  }

  private async openingKey(n: Notification, caseKey: boolean): Promise<Buffer> {
    if (!caseKey || n.caseId === null) return this.keys.require(SHARED_SUBJECT);
    const key = await this.cases.keyOf(n.caseId);
    if (key === null) {
      throw new VaktpostError(
        'crypto.key_missing',
        `Notification ${n.id} belongs to case ${n.caseId}, whose data key is gone (erased or anonymised).`,
        { caseId: n.caseId },
      );
    }
    return key;
  }

  async enqueue(items: Notification[]): Promise<void> {
    const sealed: Notification[] = [];
    for (const item of items) {
      // A reference (`render`) carries no words; only rendered content is sealed.
      if (item.message === undefined) {
        sealed.push(item);
        continue;
      }
      const { key, caseKey } = await this.sealingKey(item);
      const json = toJson(item.message);
      const standIn = sealMessageText(key, item.message.language, json, aad(item.id), caseKey);
      // Kept as opening it would give it (parsed from the text sealed), so nothing the caller changes later reaches
      // the send.
      if (!caseKey && isSealedMessage(standIn)) this.keep(item.id, standIn.sealed, JSON.parse(json) as OutgoingMessage);
      sealed.push({ ...item, message: standIn });
    }
    await this.inner.enqueue(sealed);
  }

  async due(now: Date, limit: number, skip: readonly string[] = []): Promise<Notification[]> {
    return this.openAll(await this.inner.due(now, limit, skip));
  }

  claim(id: string, holder: string, now: Date, until: Date): Promise<boolean> {
    return this.inner.claim(id, holder, now, until);
  }

  markSent(id: string, at: Date): Promise<void> {
    this.replies.delete(id);
    return this.inner.markSent(id, at);
  }

  reschedule(id: string, nextAttemptAt: Date, error: string): Promise<void> {
    return this.inner.reschedule(id, nextAttemptAt, error);
  }

  markDead(id: string, error: string): Promise<void> {
    this.replies.delete(id);
    return this.inner.markDead(id, error);
  }

  markSuperseded(id: string): Promise<void> {
    this.replies.delete(id);
    return this.inner.markSuperseded(id);
  }

  forgetTurn(turnId: string): Promise<void> {
    return this.inner.forgetTurn(turnId);
  }

  async pendingInStream(stream: string): Promise<Notification[]> {
    return this.openAll(await this.inner.pendingInStream(stream));
  }

  expireClaims(now: Date): Promise<number> {
    return this.inner.expireClaims(now);
  }

  async get(id: string): Promise<Notification | null> {
    const stored = await this.inner.get(id);
    return stored === null ? null : this.open(stored);
  }

  async listForCase(caseId: string): Promise<Notification[]> {
    return this.openAll(await this.inner.listForCase(caseId));
  }

  private async openAll(items: Notification[]): Promise<Notification[]> {
    const opened: Notification[] = [];
    for (const item of items) opened.push(await this.open(item));
    return opened;
  }

  private keep(id: string, sealed: string, message: OutgoingMessage): void {
    if (this.replies.size >= KEPT_REPLIES) this.replies.delete(this.replies.keys().next().value as string);
    this.replies.set(id, { sealed, message });
  }

  private async open(stored: Notification): Promise<Notification> {
    if (stored.message === undefined || !isSealedMessage(stored.message)) return stored;
    const kept = this.replies.get(stored.id);
    if (kept && kept.sealed === stored.message.sealed) return { ...stored, message: kept.message };
    const key = await this.openingKey(stored, stored.message.caseKey === true);
    return { ...stored, message: openMessage(key, stored.message, aad(stored.id)) };
  }
}
