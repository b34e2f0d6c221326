import type { Notification } from '../../src/domain/notification';
import type { OutboxStore } from '../../src/ports/outbox-store';
import type { RecordingNotifier } from '../support/recording-notifier';

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

/**
 * How often the platform received each notification: a message is matched to its notification by the id the
 * dispatcher sends it with (the outbox keeps no message text after delivery, so ids are what is left to compare).
 */
export function deliveries(notifications: Notification[], platform: RecordingNotifier): Map<string, number> {
  const received = new Map<string, number>();
  for (const m of platform.sent) {
    const id = m.notificationId ?? `(no id) ${m.address}\n${m.text}`;
    received.set(id, (received.get(id) ?? 0) + 1);
  }
  const known = new Set(notifications.map((n) => n.id));
  const unknown = [...received.keys()].filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new Error(`the platform received messages no notification asked for:\n${unknown.join('\n---\n')}`);
  return new Map(notifications.map((n) => [n.id, received.get(n.id) ?? 0]));
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
    const ids = stream
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.seq - b.seq)
      .map((n) => n.id);
    const seen = platform
      .to(first.address)
      .map((m) => m.notificationId ?? '')
      .filter((id) => ids.includes(id));
    // Drop repeats (the at-least-once window) but keep the order of first arrival.
    const firstArrivals = seen.filter((id, index) => seen.indexOf(id) === index);
    expect({ stream: `${first.caseId} → ${first.address}`, order: firstArrivals }).toEqual({
      stream: `${first.caseId} → ${first.address}`,
      order: ids,
    });
  }
}
