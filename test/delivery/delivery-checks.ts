import type { Notification } from '../../src/domain/notification';
import type { OutboxStore } from '../../src/ports/outbox-store';
import { renderMessageText, type RecordingNotifier } from '../support/recording-notifier';

/** Every notification of the cases plus the other ids (digests), as the outbox holds them. */
export async function outboxOf(
  outbox: OutboxStore,
  caseIds: string[],
  otherIds: string[] = [],
): Promise<Notification[]> {
  const all: Notification[] = [];
  for (const caseId of caseIds) all.push(...(await outbox.listForCase(caseId)));
  for (const id of otherIds) {
    const n = await outbox.get(id);
    if (!n) throw new Error(`notification ${id} is not in the outbox`);
    all.push(n);
  }
  return all;
}

const keyOf = (address: string, text: string): string => `${address}\n${text}`;

/**
 * How often the platform received each notification: a message is matched to a notification by address and text,
 * which is what its recipient tells apart.
 */
export function deliveries(notifications: Notification[], platform: RecordingNotifier): Map<string, number> {
  const received = new Map<string, number>();
  for (const m of platform.sent)
    received.set(keyOf(m.address, m.text), (received.get(keyOf(m.address, m.text)) ?? 0) + 1);
  const expected = new Map<string, number>();
  for (const n of notifications) {
    const key = keyOf(n.address, renderMessageText(n.message));
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  const counts = new Map<string, number>();
  for (const n of notifications) {
    const key = keyOf(n.address, renderMessageText(n.message));
    // Identical messages to one address share the received count evenly.
    counts.set(n.id, (received.get(key) ?? 0) / (expected.get(key) ?? 1));
  }
  const unknown = [...received.keys()].filter((key) => !expected.has(key));
  if (unknown.length > 0)
    throw new Error(`the platform received messages no notification asked for:\n${unknown.join('\n---\n')}`);
  return counts;
}

/**
 * For every case and address, the order in which the recipient saw the case's messages equals the order of the
 * changes that caused them (the outbox order): an alert never arrives after its own "taken" update.
 */
export function expectOrderPerCase(notifications: Notification[], platform: RecordingNotifier): void {
  const streams = new Map<string, Notification[]>();
  for (const n of notifications) {
    if (!n.caseId) continue;
    const key = `${n.caseId}|${n.address}`;
    streams.set(key, [...(streams.get(key) ?? []), n]);
  }
  for (const stream of streams.values()) {
    const first = stream[0] as Notification;
    const texts = stream
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.seq - b.seq)
      .map((n) => renderMessageText(n.message));
    const seen = platform
      .to(first.address)
      .map((m) => m.text)
      .filter((text) => texts.includes(text));
    // Drop repeats (the at-least-once window) but keep the order of first arrival.
    const firstArrivals = seen.filter((text, index) => seen.indexOf(text) === index);
    expect({ stream: `${first.caseId} → ${first.address}`, order: firstArrivals }).toEqual({
      stream: `${first.caseId} → ${first.address}`,
      order: texts,
    });
  }
}
