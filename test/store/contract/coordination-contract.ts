import type { Notification } from '../../../src/domain/notification';
import { makeNotification } from '../../support/fixtures';
import { concurrently, type MakeStores, freshStoresPerTest } from './harness';

const T0 = new Date('2026-03-02T10:00:00.000Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);
const iso = (ms: number): string => later(ms).toISOString();

/** Leases and the outbox: who may do what, when several processes try at once. */
export function coordinationContract(makeStores: MakeStores): void {
  const { current } = freshStoresPerTest(makeStores);

  describe('leases', () => {
    it('has one holder at a time until the lease expires or is released', async () => {
      const leases = current().leases;
      expect(await leases.acquire('sweep', 'a', T0, 60_000)).toBe(true);
      expect(await leases.acquire('sweep', 'b', later(1_000), 60_000)).toBe(false);
      expect(await leases.acquire('sweep', 'a', later(30_000), 60_000)).toBe(true);
      expect(await leases.acquire('sweep', 'b', later(70_000), 60_000)).toBe(false);
      expect(await leases.acquire('sweep', 'b', later(90_000), 60_000)).toBe(true);
      expect(await leases.acquire('sweep', 'a', later(91_000), 60_000)).toBe(false);
      await leases.release('sweep', 'a');
      expect(await leases.acquire('sweep', 'a', later(92_000), 60_000)).toBe(false);
      await leases.release('sweep', 'b');
      expect(await leases.acquire('sweep', 'a', later(93_000), 60_000)).toBe(true);
      await leases.release('never-taken', 'a');
      expect(await leases.acquire('other', 'b', later(93_000), 60_000)).toBe(true);
    });

    it('lets one of ten concurrent takers win, for a new and for an expired lease', async () => {
      const fresh = await concurrently(10, (i) => current().leases.acquire('digest', `p${i}`, T0, 60_000));
      expect(fresh.filter((won) => won)).toHaveLength(1);
      const expired = await concurrently(10, (i) => current().leases.acquire('digest', `q${i}`, later(61_000), 60_000));
      expect(expired.filter((won) => won)).toHaveLength(1);
    });
  });

  describe('outbox', () => {
    const enqueue = async (...items: Notification[]) => current().outbox.enqueue(items);

    it('keeps the first copy when the same id is queued again', async () => {
      const item = makeNotification();
      await enqueue(item);
      await enqueue({ ...item, address: 'slack:T1:Cother' }, makeNotification({ id: 'x:1' }));
      expect(await current().outbox.get(item.id)).toEqual(item);
      expect(await current().outbox.listForCase(item.caseId ?? '')).toHaveLength(2);
      expect(await current().outbox.get('missing')).toBeNull();
    });

    it('lists due pending notifications oldest first, by createdAt then seq, up to the limit', async () => {
      const third = makeNotification({ id: 'n3', createdAt: iso(2_000), seq: 0 });
      const first = makeNotification({ id: 'n1', createdAt: iso(1_000), seq: 1 });
      const second = makeNotification({ id: 'n2', createdAt: iso(1_000), seq: 2 });
      const notYetDue = makeNotification({ id: 'n4', createdAt: iso(0), nextAttemptAt: iso(10 * 60_000) });
      const sent = makeNotification({ id: 'n5', createdAt: iso(0), status: 'sent', sentAt: iso(0) });
      await enqueue(third, second, notYetDue, first, sent);
      const due = await current().outbox.due(later(5_000), 10);
      expect(due.map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
      expect(due[0]).toEqual(first);
      expect((await current().outbox.due(later(5_000), 2)).map((n) => n.id)).toEqual(['n1', 'n2']);
      expect((await current().outbox.due(later(11 * 60_000), 10)).map((n) => n.id)).toEqual(['n4', 'n1', 'n2', 'n3']);
    });

    it('leaves out of the due list the conversations asked (held back by the rate limiter), and only those', async () => {
      const held = 'slack:T1:Cstorm';
      await enqueue(
        makeNotification({ id: 'a1', address: held, createdAt: iso(1_000), seq: 1 }),
        makeNotification({ id: 'b1', address: 'slack:T1:Cquiet', createdAt: iso(1_500), seq: 2 }),
        makeNotification({ id: 'a2', address: held, createdAt: iso(2_000), seq: 3 }),
        makeNotification({ id: 'c1', address: 'teams:conv-9', createdAt: iso(2_500), seq: 4 }),
      );
      expect((await current().outbox.due(later(5_000), 10, [held])).map((n) => n.id)).toEqual(['b1', 'c1']);
      expect((await current().outbox.due(later(5_000), 10, [held, 'teams:conv-9'])).map((n) => n.id)).toEqual(['b1']);
      expect((await current().outbox.due(later(5_000), 10, [])).map((n) => n.id)).toEqual(['a1', 'b1', 'a2', 'c1']);
    });

    it('gives a claim to exactly one of ten concurrent workers, and again after the claim expires', async () => {
      await enqueue(makeNotification({ id: 'c1' }));
      const wins = await concurrently(10, (i) => current().outbox.claim('c1', `w${i}`, T0, later(30_000)));
      expect(wins.filter((won) => won)).toHaveLength(1);
      const holder = `w${wins.indexOf(true)}`;
      expect((await current().outbox.get('c1'))?.claimedBy).toBe(holder);
      expect(await current().outbox.claim('c1', 'late', later(10_000), later(40_000))).toBe(false);
      expect(await current().outbox.claim('c1', holder, later(10_000), later(40_000))).toBe(true);
      const after = await concurrently(10, (i) => current().outbox.claim('c1', `v${i}`, later(41_000), later(70_000)));
      expect(after.filter((won) => won)).toHaveLength(1);
      expect(await current().outbox.claim('missing', 'w', T0, later(1_000))).toBe(false);
    });

    it('marks a notification sent, releasing its claim and taking it off the due list', async () => {
      await enqueue(makeNotification({ id: 's1' }));
      await current().outbox.claim('s1', 'w', T0, later(30_000));
      await current().outbox.markSent('s1', later(1_000));
      const sent = await current().outbox.get('s1');
      expect(sent).toMatchObject({ status: 'sent', sentAt: iso(1_000), claimedBy: null, claimedUntil: null });
      expect(sent?.attempts).toBe(1);
      expect(await current().outbox.due(later(60_000), 10)).toEqual([]);
      expect(await current().outbox.claim('s1', 'w2', later(60_000), later(90_000))).toBe(false);
      await current().outbox.reschedule('s1', later(1), 'late worker');
      expect((await current().outbox.get('s1'))?.status).toBe('sent');
    });

    it('reschedules a failed attempt: error kept (cut to 500 characters), claim released, due again later', async () => {
      await enqueue(makeNotification({ id: 'r1' }));
      await current().outbox.claim('r1', 'w', T0, later(30_000));
      await current().outbox.reschedule('r1', later(120_000), 'x'.repeat(800));
      const rescheduled = await current().outbox.get('r1');
      expect(rescheduled).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: iso(120_000) });
      expect(rescheduled?.claimedBy).toBeNull();
      expect(rescheduled?.lastError?.length).toBeLessThanOrEqual(500);
      expect(await current().outbox.due(later(60_000), 10)).toEqual([]);
      expect((await current().outbox.due(later(120_000), 10)).map((n) => n.id)).toEqual(['r1']);
      expect(await current().outbox.claim('r1', 'other', later(120_000), later(150_000))).toBe(true);
    });

    it('keeps a dead notification for the record, off the due list', async () => {
      await enqueue(makeNotification({ id: 'd1' }));
      await current().outbox.markDead('d1', 'channel_not_found');
      expect(await current().outbox.get('d1')).toMatchObject({ status: 'dead', lastError: 'channel_not_found' });
      expect(await current().outbox.due(later(60_000), 10)).toEqual([]);
    });

    it('keeps no message text once a notification is sent, dead or superseded, only the delivery record', async () => {
      const words = { language: 'sv' as const, prompt: { kind: 'message' as const, text: { raw: 'Rapporttext' } } };
      await enqueue(
        makeNotification({ id: 'c1', message: words, address: 'slack:T1:C1' }),
        makeNotification({ id: 'c2', message: words, address: 'slack:T1:C1' }),
        makeNotification({ id: 'c3', message: words, address: 'slack:T1:C1', caseId: null, stream: 'reply|x' }),
        makeNotification({ id: 'c4', message: words, address: 'slack:T1:C1' }),
      );
      expect((await current().outbox.get('c1'))?.message).toEqual(words);
      await current().outbox.markSent('c1', T0);
      await current().outbox.markDead('c2', 'channel_not_found');
      await current().outbox.markSuperseded('c3');
      await current().outbox.reschedule('c4', later(1_000), '503');
      for (const [id, status] of [
        ['c1', 'sent'],
        ['c2', 'dead'],
        ['c3', 'superseded'],
      ] as const) {
        const over = await current().outbox.get(id);
        expect(over).toMatchObject({ id, status, address: 'slack:T1:C1' });
        expect(over).not.toHaveProperty('message');
      }
      // A retry still needs what it is to send.
      expect((await current().outbox.get('c4'))?.message).toEqual(words);
    });

    it('stores a case notification as a reference (no words) and gives it back as it was queued', async () => {
      const { message: _none, ...bare } = makeNotification({ id: 'ref1' });
      const ref: Notification = {
        ...bare,
        render: { caseId: 'case-outbox', kind: 'case-card', language: 'en', entry: 3, viewerUserId: 'slack:U1' },
      };
      await enqueue(ref);
      expect(await current().outbox.get('ref1')).toEqual(ref);
      expect((await current().outbox.due(later(0), 10))[0]).toEqual(ref);
      await current().outbox.markSent('ref1', T0);
      expect((await current().outbox.get('ref1'))?.render).toEqual(ref.render);
    });

    it('lists the notifications of a case in seq order', async () => {
      await enqueue(
        makeNotification({ id: 'k2', caseId: 'case-k', seq: 2 }),
        makeNotification({ id: 'o1', caseId: 'case-other', seq: 1 }),
        makeNotification({ id: 'k1', caseId: 'case-k', seq: 1 }),
        makeNotification({ id: 'digest', caseId: null, seq: 0 }),
      );
      expect((await current().outbox.listForCase('case-k')).map((n) => n.id)).toEqual(['k1', 'k2']);
    });

    it('lists the pending replies of one stream in order, and drops a superseded one from it for good', async () => {
      const reply = (id: string, createdAt: string, seq: number, stream = 'reply|slack:dm:U1') =>
        makeNotification({ id, caseId: null, stream, createdAt, seq, supersedeKey: 'question|slack:dm:U1' });
      await enqueue(
        reply('r3', '2026-03-02T09:31:00.000Z', 0),
        reply('r1', '2026-03-02T09:30:00.000Z', 0),
        reply('r2', '2026-03-02T09:30:00.000Z', 1),
        reply('other', '2026-03-02T09:30:00.000Z', 0, 'reply|slack:dm:U2'),
      );
      expect((await current().outbox.pendingInStream('reply|slack:dm:U1')).map((n) => n.id)).toEqual([
        'r1',
        'r2',
        'r3',
      ]);
      await current().outbox.markSuperseded('r1');
      await current().outbox.markSent('r2', T0);
      expect((await current().outbox.pendingInStream('reply|slack:dm:U1')).map((n) => n.id)).toEqual(['r3']);
      expect((await current().outbox.get('r1'))?.status).toBe('superseded');
      expect((await current().outbox.get('r1'))?.supersedeKey).toBe('question|slack:dm:U1');
      // A superseded one is never revived or sent.
      await current().outbox.markSent('r1', T0);
      expect((await current().outbox.get('r1'))?.status).toBe('superseded');
      expect(await current().outbox.claim('r1', 'w', T0, later(1_000))).toBe(false);
    });

    it('forgets the replies of a done turn: those over at once, those pending as soon as they are over', async () => {
      const reply = (id: string, turn: string, n: number) =>
        makeNotification({ id, caseId: null, stream: 'reply|slack:dm:U1', turn, seq: n });
      await enqueue(
        reply('t1-sent', 'slack:Ev1', 0),
        reply('t1-superseded', 'slack:Ev1', 1),
        reply('t1-pending', 'slack:Ev1', 2),
        reply('t1-retrying', 'slack:Ev1', 3),
        reply('t1-dies', 'slack:Ev1', 4),
        reply('t2-sent', 'slack:Ev2', 5),
        makeNotification({ id: 'case-sent', caseId: 'case-outbox' }),
      );
      await current().outbox.markSent('t1-sent', T0);
      await current().outbox.markSuperseded('t1-superseded');
      await current().outbox.markSent('t2-sent', T0);
      await current().outbox.markSent('case-sent', T0);
      await current().outbox.forgetTurn('slack:Ev1');
      expect(await current().outbox.get('t1-sent')).toBeNull();
      expect(await current().outbox.get('t1-superseded')).toBeNull();
      // Still to send: kept, due and claimable as before, with what it is to say.
      expect((await current().outbox.due(later(0), 10)).map((n) => n.id)).toEqual([
        't1-pending',
        't1-retrying',
        't1-dies',
      ]);
      expect(await current().outbox.claim('t1-pending', 'w', T0, later(30_000))).toBe(true);
      expect((await current().outbox.get('t1-pending'))?.message).toBeDefined();
      await current().outbox.markSent('t1-pending', later(1_000));
      expect(await current().outbox.get('t1-pending')).toBeNull();
      await current().outbox.reschedule('t1-retrying', later(5_000), '503');
      expect((await current().outbox.get('t1-retrying'))?.status).toBe('pending');
      await current().outbox.markSent('t1-retrying', later(6_000));
      expect(await current().outbox.get('t1-retrying')).toBeNull();
      await current().outbox.markDead('t1-dies', 'channel_not_found');
      expect(await current().outbox.get('t1-dies')).toBeNull();
      // Another turn's reply and a case's notification stay, as the record of the delivery.
      expect((await current().outbox.get('t2-sent'))?.status).toBe('sent');
      expect((await current().outbox.get('case-sent'))?.status).toBe('sent');
      expect(await current().outbox.listForCase('case-outbox')).toHaveLength(1);
    });

    it('keeps a forgotten turn forgotten when it is told again, and queuing its reply again while pending adds nothing', async () => {
      await enqueue(makeNotification({ id: 'once', caseId: null, stream: 'reply|slack:dm:U1', turn: 'slack:Ev9' }));
      await current().outbox.forgetTurn('slack:Ev9');
      await current().outbox.forgetTurn('slack:Ev9');
      await enqueue(makeNotification({ id: 'once', caseId: null, stream: 'reply|slack:dm:U1', turn: 'slack:Ev9' }));
      expect((await current().outbox.due(later(0), 10)).map((n) => n.id)).toEqual(['once']);
      await current().outbox.markSent('once', T0);
      expect(await current().outbox.get('once')).toBeNull();
      expect(await current().outbox.due(later(60_000), 10)).toEqual([]);
    });

    it('removes a reply that ends while its turn is being forgotten, whichever is asked for first', async () => {
      const reply = (id: string, turn: string) =>
        makeNotification({ id, caseId: null, stream: 'reply|slack:dm:U1', turn });
      await enqueue(reply('end-first', 'slack:EvA'), reply('forget-first', 'slack:EvB'), reply('dies', 'slack:EvC'));
      for (const id of ['end-first', 'forget-first', 'dies'])
        expect(await current().outbox.claim(id, 'w', T0, later(30_000))).toBe(true);
      // Asked for together, without waiting: the store decides the order of the writes.
      await Promise.all([current().outbox.markSent('end-first', T0), current().outbox.forgetTurn('slack:EvA')]);
      await Promise.all([current().outbox.forgetTurn('slack:EvB'), current().outbox.markSent('forget-first', T0)]);
      await Promise.all([current().outbox.forgetTurn('slack:EvC'), current().outbox.markDead('dies', 'gone')]);
      for (const id of ['end-first', 'forget-first', 'dies']) expect(await current().outbox.get(id)).toBeNull();
      expect(await current().outbox.due(later(60_000), 10)).toEqual([]);
    });

    it('marks a claim as a send under way, and at start-up lets every claim lapse keeping that mark', async () => {
      await enqueue(makeNotification({ id: 'a1' }), makeNotification({ id: 'a2' }), makeNotification({ id: 'a3' }));
      await current().outbox.claim('a1', 'dead-process', T0, later(60_000));
      await current().outbox.claim('a3', 'dead-process', T0, later(60_000));
      await current().outbox.markSent('a3', later(1_000));
      expect((await current().outbox.get('a1'))?.sendingSince).toBe(T0.toISOString());
      expect(await current().outbox.expireClaims(later(2_000))).toBe(1);
      const lapsed = await current().outbox.get('a1');
      expect(lapsed).toMatchObject({ claimedBy: 'dead-process', sendingSince: T0.toISOString() });
      expect(await current().outbox.claim('a1', 'restarted', later(2_000), later(60_000))).toBe(true);
      expect((await current().outbox.get('a3'))?.sendingSince).toBeNull();
    });
  });
}
