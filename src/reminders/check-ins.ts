import { z } from 'zod';
import { pendingNotification } from '../domain/notification';
import { languageSchema } from '../domain/report';
import type { Card } from '../engine/prompt';
import { tx } from '../engine/prompt';
import type { KeyValueStore } from '../ports/key-value-store';
import type { OutboxStore } from '../ports/outbox-store';

/** Where the aftercare check-ins of a case wait (only cases whose member said yes). */
export const CHECK_IN_NAMESPACE = 'check-ins';
/** The check-ins after the report: one day and one week (seed 004 §3.2.1: the exposed person is not left alone). */
export const CHECK_IN_DAYS = [1, 7] as const;
const DAY = 24 * 3600 * 1000;

export const checkInScheduleSchema = z.object({
  caseId: z.string().min(1),
  number: z.string().min(1),
  /** The member's direct conversation. */
  address: z.string().min(1),
  language: languageSchema,
  /** When the member said yes: the days count from here. */
  from: z.string(),
});
export type CheckInSchedule = z.infer<typeof checkInScheduleSchema>;

/** The button a member answers a check-in with; the value names the case, the check-in and the answer. */
export const CHECK_IN_ANSWER = 'member:checkin';

/** "Hur mår du? Behöver du stöd?": what the member reads, with two answers and room for a few words. */
export function checkInCard(s: CheckInSchedule, day: number): Card {
  const value = (answer: string): string => JSON.stringify({ c: s.caseId, d: day, a: answer });
  const input = { label: tx('checkin.input'), required: false, maxLength: 2000 };
  return {
    title: tx('checkin.title', { number: s.number }),
    tone: 'normal',
    lines: [tx(day === 1 ? 'checkin.text_day' : 'checkin.text_week', { number: s.number }), tx('checkin.danger')],
    actions: [
      { id: CHECK_IN_ANSWER, label: tx('checkin.answer.ok'), value: value('ok'), input },
      { id: CHECK_IN_ANSWER, label: tx('checkin.answer.support'), value: value('support'), style: 'primary', input },
    ],
  };
}

/**
 * Queues the check-ins due at `at`: each one once (the outbox keeps the first entry per id), the schedule dropped
 * after the last. Returns the ids queued now.
 */
export async function queueCheckIns(keyValues: KeyValueStore, outbox: OutboxStore, at: Date): Promise<string[]> {
  const queued: string[] = [];
  const stamp = at.toISOString();
  for (const { key, value } of await keyValues.list<unknown>(CHECK_IN_NAMESPACE)) {
    const parsed = checkInScheduleSchema.safeParse(value);
    if (!parsed.success) continue;
    const s = parsed.data;
    for (const day of CHECK_IN_DAYS) {
      if (at.getTime() < Date.parse(s.from) + day * DAY) continue;
      const id = `checkin:${s.caseId}:${day}`;
      if (await outbox.get(id)) continue;
      const notification = pendingNotification({
        id,
        address: s.address,
        message: { language: s.language, prompt: { kind: 'card', card: checkInCard(s, day) } },
        createdAt: stamp,
        caseId: null,
        seq: 0,
      });
      await outbox.enqueue([notification]);
      queued.push(id);
    }
    const last = CHECK_IN_DAYS[CHECK_IN_DAYS.length - 1] as number;
    if (at.getTime() >= Date.parse(s.from) + last * DAY) await keyValues.delete(CHECK_IN_NAMESPACE, key);
  }
  return queued;
}
