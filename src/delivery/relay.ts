import type { Case } from '../domain/case';
import { pendingNotification, type Notification } from '../domain/notification';
import type { CaseRepository } from '../ports/case-repository';
import type { OutboxStore } from '../ports/outbox-store';

/**
 * Moves notifications written inside case documents into the outbox. A crash between the two steps is harmless:
 * enqueue ignores ids already present, so the next relay run finishes the move without sending anything twice.
 */
export async function relayPendingNotifications(cases: CaseRepository, outbox: OutboxStore): Promise<number> {
  let moved = 0;
  for (const c of await cases.list({ withPendingNotifications: true })) {
    moved += await relayCase(cases, outbox, c);
  }
  return moved;
}

async function relayCase(cases: CaseRepository, outbox: OutboxStore, first: Case): Promise<number> {
  let c: Case | null = first;
  for (let attempt = 0; c && c.pendingNotifications.length > 0 && attempt < 10; attempt += 1) {
    const drafts = c.pendingNotifications;
    await outbox.enqueue(drafts.map((draft, index): Notification => toNotification(c as Case, draft, index)));
    const ids = new Set(drafts.map((d) => d.id));
    const next: Case = {
      ...c,
      revision: c.revision + 1,
      pendingNotifications: c.pendingNotifications.filter((d) => !ids.has(d.id)),
    };
    if (await cases.update(next, c.revision)) return drafts.length;
    c = await cases.get(c.id);
  }
  return 0;
}

function toNotification(c: Case, draft: Case['pendingNotifications'][number], index: number): Notification {
  return pendingNotification({
    ...draft,
    caseId: c.id,
    // Revision-major order keeps notifications of one case in the order of the changes that caused them.
    seq: c.revision * 1000 + index,
  });
}
