import { startTestApp, type TestApp } from '../support/app-harness';

/**
 * The bot's replies go through the outbox like alerts: a member's messages wait out an outage and arrive afterwards,
 * in order, each once; a question that never arrived is replaced by the newer one rather than shown stale.
 */
let app: TestApp;
let nowMs: number;
const DM = 'console:dm:mira';

beforeEach(async () => {
  nowMs = Date.parse('2026-03-02T09:30:00.000Z');
  app = await startTestApp({ clock: { now: () => new Date(nowMs) } });
});
afterEach(() => app.close());

describe('replies to a member while their platform fails', () => {
  it('are delivered after the outage, in order, once; the stale question is dropped for the fresh one', async () => {
    app.notifier.failFor(DM, { kind: 'retry', retryAfterMs: 30_000, reason: '429 ratelimited' });
    await app.say('mira', 'hej');
    await app.say('mira', 'nej');
    expect(app.notifier.to(DM)).toEqual([]);
    // One message per turn: the greeting leads the first question.
    const queued = (await app.stores.outbox.pendingInStream(`reply|${DM}`)).map((n) => n.message?.prompt.kind);
    expect(queued).toEqual(['question', 'question']);

    app.notifier.recoverFor(DM);
    nowMs += 60_000;
    await app.flush();

    // The stale question's greeting still arrives, on its own; then the fresh question.
    const texts = app.notifier.to(DM).map((m) => m.text);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Hej, jag är Vaktpost');
    expect(app.notifier.to(DM)[0]?.message.prompt.kind).toBe('message');
    // The emergency question was answered already (the member wrote "nej" before seeing it); only the next shows.
    expect(texts.join('\n')).not.toContain('Är någon i fara just nu, eller pågår');
    const second = app.notifier.to(DM)[1]?.message.prompt;
    expect(second?.kind === 'question' ? second.stepId : second?.kind).not.toBe('emergency');
    expect(second?.kind).toBe('question');
    expect(await app.stores.outbox.pendingInStream(`reply|${DM}`)).toEqual([]);
  });

  it('retries the receipt like any other message: a 5xx outage loses nothing and sends nothing twice', async () => {
    await app.bind('norrby');
    for (const text of ['hej', 'nej', '1', 'hot', 'Någon hotade mig.', 'e-post', 'igår', '1'])
      await app.say('mira', text);
    app.notifier.failFor(DM, { kind: 'retry', reason: '503 service unavailable' });
    await app.say('mira', 'skicka');
    for (let minute = 1; minute <= 10; minute += 1) {
      nowMs += 60_000;
      await app.flush();
    }
    expect(app.notifier.to(DM).filter((m) => /mottagen som ärende/.test(m.text))).toHaveLength(0);
    app.notifier.recoverFor(DM);
    nowMs += 6 * 60_000;
    await app.flush();
    expect(app.notifier.to(DM).filter((m) => /mottagen som ärende/.test(m.text))).toHaveLength(1);
  });
});

describe('a reply once its turn is done', () => {
  it('is gone from the outbox once delivered, also after an outage; a redelivery of the turn sends nothing again', async () => {
    await app.say('mira', 'hej', 'Ev-42');
    await app.flush();
    expect(app.notifier.to(DM)).toHaveLength(1);
    expect(await app.stores.outbox.get('reply:console:Ev-42:0')).toBeNull();
    expect(await app.stores.inbox.get('console:Ev-42')).toMatchObject({ status: 'done' });

    // Done while its reply waits out an outage: kept until it is delivered, then gone.
    app.notifier.failFor(DM, { kind: 'retry', retryAfterMs: 30_000, reason: '429 ratelimited' });
    await app.say('mira', 'nej', 'Ev-43');
    expect(await app.stores.inbox.get('console:Ev-43')).toMatchObject({ status: 'done' });
    expect((await app.stores.outbox.get('reply:console:Ev-43:0'))?.status).toBe('pending');
    app.notifier.recoverFor(DM);
    nowMs += 60_000;
    await app.flush();
    expect(app.notifier.to(DM)).toHaveLength(2);
    expect(await app.stores.outbox.get('reply:console:Ev-43:0')).toBeNull();

    // The platform delivers both turns again: the inbox still knows them, nobody hears anything twice.
    await app.say('mira', 'hej', 'Ev-42');
    await app.say('mira', 'nej', 'Ev-43');
    await app.flush();
    expect(app.notifier.to(DM)).toHaveLength(2);
  });
});
