import type { DeliveryFailure } from '../../src/ports/notifier';
import { createWorld, MINUTE, MONDAY_8, type World } from '../reminders/reminder-world';
import { deliveries, expectOrderPerCase, outboxOf } from './delivery-checks';

let world: World;
beforeEach(async () => {
  world = await createWorld(MONDAY_8);
});
afterEach(() => world.close());

/** How Slack and Teams fail when they are down or throttling: 429 with Retry-After, 5xx, a dropped connection. */
const OUTAGE: DeliveryFailure[] = [
  { kind: 'retry', retryAfterMs: 30_000, reason: '429 rate_limited' },
  { kind: 'retry', reason: '503 service unavailable' },
  { kind: 'retry', reason: 'ECONNRESET' },
];

describe('a platform that answers 429/5xx for an hour', () => {
  it('delivers everything afterwards, each once, in order per case', async () => {
    const start = world.clock.now().getTime();
    let failures = 0;
    world.platform.failWith(() => OUTAGE[failures++ % OUTAGE.length] ?? null);

    const caseIds: string[] = [];
    const digestIds: string[] = [];
    // What happens during the hour: the dispatcher timer fires every minute, the escalation sweep every five.
    const events: Record<number, () => Promise<unknown>> = {
      0: async () => caseIds.push((await world.submit('mira', { urgent: true })).id),
      1: async () => caseIds.push((await world.submit('olle', { districtId: 'vastby' })).id),
      2: async () => caseIds.push((await world.submit('olle', { urgent: true })).id),
      5: () => world.take(caseIds[0] as string, 'kim'),
      20: () => world.take(caseIds[1] as string, 'vera'),
      25: () => world.tick(caseIds[1] as string, 'vera', ['not_alone']),
      30: async () => digestIds.push(...(await world.reminders.runSweep(world.clock.now(), 'digest')).notificationIds),
      40: () => world.take(caseIds[2] as string, 'alex'),
    };
    let escalations = 0;
    for (let minute = 0; minute <= 75; minute += 1) {
      world.clock.set(start + minute * MINUTE);
      if (minute === 60) world.platform.recover();
      await events[minute]?.();
      if (minute % 5 === 0) escalations += (await world.reminders.runSweep(world.clock.now(), 'escalation')).queued;
      await world.dispatcher.drain();
      if (minute < 60) expect(world.sent.sent).toEqual([]);
    }

    const all = await outboxOf(world.stores.outbox, caseIds, digestIds);
    // Alerts, escalation of the untaken urgent case at 32 min, takes, digests: a realistic mix.
    expect(escalations).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThanOrEqual(15);
    // Rendered when sent: the escalations of the urgent case taken at 40 min, still stuck then, are not sent after
    // the outage ("still untaken" about a taken case would send the central contact to take it for nothing).
    const third = caseIds[2] as string;
    const stale = all.filter((n) => n.status !== 'sent');
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((n) => n.caseId === third && n.id.includes(':escalation-') && n.status === 'superseded')).toBe(
      true,
    );
    const sent = all.filter((n) => n.status === 'sent');
    expect([...deliveries(sent, world.sent)].filter(([, count]) => count !== 1)).toEqual([]);
    expectOrderPerCase(sent, world.sent);
    expect(world.sent.sent.filter((m) => m.notificationId?.startsWith(`${third}:escalation-`))).toEqual([]);
    expect(world.sent.current('console:channel:norrby', `alert:${third}`)?.text).toContain('Alex');

    // After the platform is back, everything is out within the backoff cap (5 minutes) plus one timer tick.
    const lastSent = Math.max(...sent.map((n) => Date.parse(n.sentAt as string)));
    expect(lastSent - (start + 60 * MINUTE)).toBeLessThanOrEqual(6 * MINUTE);
    // The platform was not hammered: backoff and Retry-After kept each notification to a few attempts an hour.
    const maxAttempts = Math.max(...all.map((n) => n.attempts));
    expect(maxAttempts).toBeLessThanOrEqual(20);
    expect(world.platform.attempts).toBe(failures + sent.length);
  });
});
