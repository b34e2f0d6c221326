import type { IncomingTurn } from '../../engine/turn';
import {
  inboxEntrySchema,
  type InboxEntry,
  type InboxOutcome,
  type InboxRecord,
  type InboxStore,
} from '../../ports/inbox';
import { SHARED_SUBJECT, type DataKeys } from './data-keys';
import { openJson, sealJson, validateOpened } from './sealed-json';

/** What a member wrote or chose, and their name: sealed; ids, addresses and times stay clear for the queries. */
type SealedTurnFields = Pick<IncomingTurn, 'text' | 'action' | 'attachments'> & { displayName: string };

const aad = (id: string): string => `inbox:${id}/turn`;

/** Encrypts the content of incoming turns waiting in (and remembered by) the inbox, under the shared key. */
export class EncryptedInboxStore implements InboxStore {
  constructor(
    private readonly inner: InboxStore,
    private readonly keys: DataKeys,
  ) {}

  async accept(entry: InboxEntry): Promise<boolean> {
    const key = await this.keys.require(SHARED_SUBJECT);
    const { text, action, attachments, ...clearTurn } = entry.turn;
    const fields: SealedTurnFields = {
      ...(text === undefined ? {} : { text }),
      ...(action === undefined ? {} : { action }),
      ...(attachments === undefined ? {} : { attachments }),
      displayName: entry.turn.user.displayName,
    };
    const turn: IncomingTurn = { ...clearTurn, user: { ...clearTurn.user, displayName: '' } };
    return this.inner.accept({ ...entry, turn, sealed: sealJson(key, fields, aad(entry.id)) });
  }

  async get(id: string): Promise<InboxRecord | null> {
    const stored = await this.inner.get(id);
    // A done entry holds no turn and nothing sealed (see `InboxStore.markDone`).
    if (stored === null || stored.status === 'done') return stored;
    return this.open(stored);
  }

  async claimable(now: Date, limit: number): Promise<InboxEntry[]> {
    const opened: InboxEntry[] = [];
    for (const stored of await this.inner.claimable(now, limit)) opened.push(await this.open(stored));
    return opened;
  }

  claim(id: string, holder: string, now: Date, until: Date): Promise<boolean> {
    return this.inner.claim(id, holder, now, until);
  }

  markDone(id: string, at: Date, outcome: InboxOutcome): Promise<void> {
    return this.inner.markDone(id, at, outcome);
  }

  expireClaims(now: Date): Promise<number> {
    return this.inner.expireClaims(now);
  }

  prune(doneBefore: Date): Promise<number> {
    return this.inner.prune(doneBefore);
  }

  private async open(stored: InboxEntry): Promise<InboxEntry> {
    const { sealed, ...clear } = stored;
    if (sealed === undefined) return clear;
    const { displayName, ...fields } = openJson(
      await this.keys.require(SHARED_SUBJECT),
      sealed,
      aad(stored.id),
    ) as SealedTurnFields;
    const turn = { ...clear.turn, ...fields, user: { ...clear.turn.user, displayName } };
    return validateOpened(inboxEntrySchema, 'inbox', stored.id, { ...clear, turn });
  }
}
