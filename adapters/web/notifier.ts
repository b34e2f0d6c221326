import { z } from 'zod';
import type { OutgoingMessage } from '../../src/engine/prompt';
import type { Clock } from '../../src/ports/clock';
import type { KeyValueStore } from '../../src/ports/key-value-store';
import type { Logger } from '../../src/ports/logger';
import { DeliveryError, type Notifier } from '../../src/ports/notifier';

/** Key-value namespace of the demo's message lists, one record per address, so a restart or reload keeps them. */
export const WEB_INBOX_NAMESPACE = 'web-inbox';

/** The addresses the web demo serves: a person's private conversation or a district's channel. */
export const WEB_ADDRESS = /^web:(dm|channel):[A-Za-z0-9._-]{1,100}$/;

/** The newest messages kept per address; older ones drop off (a demo page, not an archive: cases keep the record). */
const MAX_MESSAGES = 200;

/** One entry of an address's list: a message from the bot, or what the person wrote or pressed (their own echo). */
export type InboxEntry = {
  /** Stable within the address; the page uses it to update an entry in place. */
  id: number;
  /** Goes up when an update key replaced the message, so the page redraws it. */
  rev: number;
  at: string;
} & ({ message: OutgoingMessage } | { echo: string });

/** The stored list of one address. */
export interface Inbox {
  /** Goes up on every change, so a poll can ask "anything new since version n?". */
  version: number;
  nextId: number;
  entries: InboxEntry[];
}

const messageSchema = z.custom<OutgoingMessage>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    ((value as { language?: unknown }).language === 'sv' || (value as { language?: unknown }).language === 'en') &&
    typeof (value as { prompt?: unknown }).prompt === 'object',
  { error: 'not an outgoing message' },
);
const entrySchema = z.union([
  z.object({ id: z.number().int(), rev: z.number().int(), at: z.string(), message: messageSchema }),
  z.object({ id: z.number().int(), rev: z.number().int(), at: z.string(), echo: z.string() }),
]);
const inboxSchema = z.object({
  version: z.number().int().nonnegative(),
  nextId: z.number().int().nonnegative(),
  entries: z.array(entrySchema),
});

const EMPTY: Inbox = { version: 0, nextId: 1, entries: [] };

/**
 * The web demo's notifier: it "delivers" by keeping each address's messages, in memory and in the key-value store.
 * The page polls them. A message with an update key replaces the earlier one with that key, in place, as Slack's
 * chat.update would (the alert that turns into "Taken by ...").
 */
export class WebNotifier implements Notifier {
  private readonly cache = new Map<string, Inbox>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly keyValues: KeyValueStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  handles(address: string): boolean {
    return address.startsWith('web:');
  }

  async send(address: string, message: OutgoingMessage): Promise<void> {
    if (!WEB_ADDRESS.test(address)) {
      throw new DeliveryError({ kind: 'invalid_address', reason: 'not a web demo address' });
    }
    await this.change(address, (inbox, at) => {
      const index = message.updateKey
        ? inbox.entries.findIndex((e) => 'message' in e && e.message.updateKey === message.updateKey)
        : -1;
      const earlier = inbox.entries[index];
      if (earlier) {
        const entries = [...inbox.entries];
        entries[index] = { id: earlier.id, rev: earlier.rev + 1, at, message };
        return { ...inbox, entries };
      }
      return {
        ...inbox,
        nextId: inbox.nextId + 1,
        entries: [...inbox.entries, { id: inbox.nextId, rev: 0, at, message }],
      };
    });
  }

  /** Keeps what the person wrote or pressed in their own conversation, so the page reads like a chat. */
  async echo(address: string, text: string): Promise<void> {
    if (!WEB_ADDRESS.test(address)) return;
    await this.change(address, (inbox, at) => ({
      ...inbox,
      nextId: inbox.nextId + 1,
      entries: [...inbox.entries, { id: inbox.nextId, rev: 0, at, echo: text }],
    }));
  }

  /** The address's list as stored now. */
  async read(address: string): Promise<Inbox> {
    return this.serially(address, () => this.load(address));
  }

  /** Stores first, then caches: what the page has seen is always in the store. */
  private change(address: string, edit: (inbox: Inbox, at: string) => Inbox): Promise<void> {
    return this.serially(address, async () => {
      const edited = edit(await this.load(address), this.clock.now().toISOString());
      const next: Inbox = { ...edited, version: edited.version + 1, entries: edited.entries.slice(-MAX_MESSAGES) };
      await this.keyValues.put(WEB_INBOX_NAMESPACE, address, next);
      this.cache.set(address, next);
    });
  }

  private async load(address: string): Promise<Inbox> {
    const cached = this.cache.get(address);
    if (cached) return cached;
    const stored = await this.keyValues.get<unknown>(WEB_INBOX_NAMESPACE, address);
    if (stored === null) return EMPTY;
    const parsed = inboxSchema.safeParse(stored);
    if (!parsed.success) {
      // Only the demo page's copy of messages; the cases themselves live in the case store. Start the list afresh.
      this.logger.warn('web inbox record unreadable; starting it afresh', { namespace: WEB_INBOX_NAMESPACE });
      return EMPTY;
    }
    const inbox = parsed.data as Inbox;
    this.cache.set(address, inbox);
    return inbox;
  }

  /** One change at a time per address, so two sends never both read the same list and one overwrites the other. */
  private serially<T>(address: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(address) ?? Promise.resolve();
    const run = previous.then(work, work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(address, settled);
    void settled.then(() => {
      if (this.queues.get(address) === settled) this.queues.delete(address);
    });
    return run;
  }
}
