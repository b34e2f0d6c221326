import { remind } from '../../scripts/remind';
import { ACTION } from '../../src/engine/actions';
import type { Clock } from '../../src/ports/clock';
import { createMemoryLogger } from '../../src/ports/logger';
import { startTestApp, TEST_DIRECTORY_FILE, type TestApp } from '../support/app-harness';

const WORDS = 'HALVFÄRDIG4417';
const HOUR = 3_600_000;
const START = Date.parse('2026-03-02T09:00:00.000Z');

/** A clock the test moves. */
function movableClock(): Clock & { set(at: number): void } {
  let now = START;
  return { now: () => new Date(now), set: (at) => (now = at) };
}

/** Mira begins a report, types what happened, and leaves it there. */
async function leaveUnfinished(app: TestApp): Promise<void> {
  await app.press('mira', ACTION.startReport, '');
  for (const text of ['nej', '1', 'hot', `${WORDS} stod utanför mitt hus`]) await app.say('mira', text);
}

describe('unfinished sessions expire (SESSION_EXPIRY_HOURS, default 72)', () => {
  const clock = movableClock();
  let app: TestApp;
  beforeEach(async () => {
    clock.set(START);
    app = await startTestApp({ clock });
    await leaveUnfinished(app);
  });
  afterEach(() => app.close());

  const sessionsOfMira = () => app.stores.sessions.ofUser(app.userId('mira'));
  /** The sweep as the schedule runs it, at `at` on the app's clock. */
  const sweepAt = (at: number) => {
    clock.set(at);
    return app.vaktpost.reminders.sweep(new Date(at), 'both');
  };

  it('keeps a session younger than the limit; removes an older one with a warm last message first', async () => {
    expect(await sessionsOfMira()).toHaveLength(1);
    app.notifier.clear();

    const early = await sweepAt(START + 71 * HOUR);
    expect(early.sessionsExpired).toBe(0);
    expect(await sessionsOfMira()).toHaveLength(1);
    expect(app.notifier.to(app.dm('mira'))).toEqual([]);

    const late = await sweepAt(START + 73 * HOUR);
    expect(late.sessionsExpired).toBe(1);
    expect(await sessionsOfMira()).toEqual([]);
    const last = app.notifier.lastTextOf(app.dm('mira'));
    expect(last).toContain('Du hade börjat på din rapport men blev inte klar');
    expect(last).toContain('För din säkerhet har jag nu tagit bort det du hade skrivit');
    expect(last).toContain('börja om när du vill');
    expect(last).toContain('ring 112');
    expect(last).not.toContain(WORDS);
    // The last message went through the outbox and left no words there once sent.
    const [id] = late.notificationIds.filter((n) => n.startsWith('session-expired:'));
    const stored = await app.stores.outbox.get(id ?? '');
    expect(stored?.status).toBe('sent');
    expect(stored).not.toHaveProperty('message');

    // A later sweep says nothing more; the member simply starts again.
    const again = await sweepAt(START + 80 * HOUR);
    expect(again.sessionsExpired).toBe(0);
    clock.set(START + 81 * HOUR);
    await app.say('mira', 'hej');
    expect(app.notifier.lastTextOf(app.dm('mira'))).not.toContain(WORDS);
  });

  it('a member who answered lately keeps their answers: the limit counts from the last answer', async () => {
    clock.set(START + 70 * HOUR);
    await app.say('mira', 'sms');
    const swept = await sweepAt(START + 73 * HOUR);
    expect(swept.sessionsExpired).toBe(0);
    const [session] = await sessionsOfMira();
    expect(JSON.stringify(session?.answers)).toContain(WORDS);
  });

  it('runs with `npm run remind -- --at`, and SESSION_EXPIRY_HOURS sets the limit', async () => {
    const lines: string[] = [];
    const run = (at: number, hours: string) =>
      remind(
        ['--at', new Date(at).toISOString()],
        {
          env: { LOG_LEVEL: 'silent', PORT: '0', DIRECTORY_FILE: TEST_DIRECTORY_FILE, SESSION_EXPIRY_HOURS: hours },
          stores: app.stores,
          extraNotifiers: [app.notifier],
          logger: createMemoryLogger(),
        },
        (line) => lines.push(line),
      );
    await run(START + 20 * HOUR, '72');
    expect(await sessionsOfMira()).toHaveLength(1);
    await run(START + 20 * HOUR, '12');
    expect(await sessionsOfMira()).toEqual([]);
    expect(lines).toContain('Unfinished sessions expired: 1');
    expect(lines.join('\n')).not.toContain(WORDS);
    expect(app.notifier.lastTextOf(app.dm('mira'))).toContain('ring 112');
  });

  it('words held after submitting (an addition never answered) expire with the sessions, silently', async () => {
    for (const text of ['sms', 'igår', '1', 'skicka']) await app.say('mira', text);
    const [c] = await app.stores.cases.list({ reporterUserId: app.userId('mira') });
    expect(c).toBeDefined();
    clock.set(START + HOUR);
    await app.say('mira', `${WORDS} en sak till`);
    const add = app.notifier.actions(app.dm('mira'), 'member:add').at(-1);
    expect(add?.value).toBe(c?.id);
    expect(await app.stores.keyValues.list('member-addition')).toHaveLength(1);

    await sweepAt(START + 72 * HOUR);
    expect(await app.stores.keyValues.list('member-addition')).toHaveLength(1);
    await sweepAt(START + 74 * HOUR);
    expect(await app.stores.keyValues.list('member-addition')).toEqual([]);
    await app.press('mira', 'member:add', add?.value ?? '');
    expect(app.notifier.lastTextOf(app.dm('mira'))).not.toContain(WORDS);
    const stored = await app.stores.cases.get(c?.id ?? '');
    expect(JSON.stringify(stored?.timeline)).not.toContain(WORDS);
  });
});
