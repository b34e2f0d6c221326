import { makeSession } from '../../support/fixtures';
import { concurrently, type MakeStores, freshStoresPerTest } from './harness';

/** Sessions, profiles, key-values and counters. */
export function recordContract(makeStores: MakeStores): void {
  const { current } = freshStoresPerTest(makeStores);

  describe('sessions', () => {
    it('creates a session once, replaces it over the revision read, and refuses stale writes', async () => {
      const sessions = current().sessions;
      const first = makeSession();
      expect(await sessions.get(first.key)).toBeNull();
      expect(await sessions.put(first, null)).toBe(true);
      expect(await sessions.put({ ...first, stepId: 'other' }, null)).toBe(false);
      expect(await sessions.get(first.key)).toEqual(first);

      const second = { ...first, stepId: 'when', trail: [...first.trail, 'description'], revision: 1 };
      expect(await sessions.put(second, 0)).toBe(true);
      expect(await sessions.put({ ...first, stepId: 'stale', revision: 1 }, 0)).toBe(false);
      expect(await sessions.get(first.key)).toEqual(second);
      expect(await sessions.put({ ...makeSession(), revision: 1 }, 0)).toBe(false);

      await sessions.delete(first.key);
      await sessions.delete(first.key);
      expect(await sessions.get(first.key)).toBeNull();
    });

    it('keeps answers keyed by any step id and values that look like queries', async () => {
      const session = makeSession({
        answers: {
          'where.place': 'Torget',
          $where: '{"$where": "1"}',
          '100%': ['a', 'b'],
          evidence: [{ id: 'slack:F1', name: 'skärmbild.png', mimeType: 'image/png' }],
        },
        context: { 'district.known': 'true' },
      });
      await current().sessions.put(session, null);
      expect(await current().sessions.get(session.key)).toEqual(session);
    });

    it("lists a user's sessions, one per dialog, and no one else's", async () => {
      const sessions = current().sessions;
      const report = makeSession({ userId: 'web:m', key: 'web:m|report', dialogId: 'report' });
      const other = makeSession({ userId: 'web:m', key: 'web:m|risk', dialogId: 'risk', suspended: true });
      await sessions.put(report, null);
      await sessions.put(other, null);
      await sessions.put(makeSession({ userId: 'web:someone-else' }), null);
      const listed = await sessions.ofUser('web:m');
      expect(listed.map((s) => s.key).sort()).toEqual(['web:m|report', 'web:m|risk']);
      expect(listed.find((s) => s.dialogId === 'risk')).toEqual(other);
      await sessions.delete(report.key);
      expect((await sessions.ofUser('web:m')).map((s) => s.key)).toEqual(['web:m|risk']);
      expect(await sessions.ofUser('web:nobody')).toEqual([]);
    });

    it('lists sessions idle since a moment, oldest first, up to the limit, answers readable', async () => {
      const sessions = current().sessions;
      const at = (hours: number): string => new Date(Date.UTC(2026, 2, 2, hours)).toISOString();
      const oldest = makeSession({ key: 'k-oldest', updatedAt: at(1), answers: { description: 'Hot i brevlådan' } });
      const old = makeSession({ key: 'k-old', updatedAt: at(2) });
      const fresh = makeSession({ key: 'k-fresh', updatedAt: at(10) });
      for (const s of [fresh, old, oldest]) await sessions.put(s, null);
      const idle = await sessions.listIdleSince(new Date(at(5)), 10);
      expect(idle.map((s) => s.key)).toEqual(['k-oldest', 'k-old']);
      expect(idle[0]).toEqual(oldest);
      expect((await sessions.listIdleSince(new Date(at(5)), 1)).map((s) => s.key)).toEqual(['k-oldest']);
      expect(await sessions.listIdleSince(new Date(at(0)), 10)).toEqual([]);
    });

    it('deletes over the revision read only, so a fresh answer is never removed by a stale delete', async () => {
      const sessions = current().sessions;
      const first = makeSession();
      await sessions.put(first, null);
      await sessions.put({ ...first, stepId: 'when', revision: 1 }, 0);
      expect(await sessions.delete(first.key, 0)).toBe(false);
      expect((await sessions.get(first.key))?.stepId).toBe('when');
      expect(await sessions.delete(first.key, 1)).toBe(true);
      expect(await sessions.get(first.key)).toBeNull();
      expect(await sessions.delete(first.key, 1)).toBe(true);
    });

    it('lets one of ten concurrent first writes create the session', async () => {
      const session = makeSession();
      const results = await concurrently(10, (i) => current().sessions.put({ ...session, stepId: `s${i}` }, null));
      expect(results.filter((won) => won)).toHaveLength(1);
      expect((await current().sessions.get(session.key))?.stepId).toBe(`s${results.indexOf(true)}`);
    });
  });

  describe('profiles', () => {
    it('creates and replaces a profile over the revision read, leaving unset fields absent', async () => {
      const profiles = current().profiles;
      expect(await profiles.get('web:test-ledamot')).toBeNull();
      const created = { userId: 'web:test-ledamot', districtId: 'norrby', updatedAt: '2026-03-01T00:00:00.000Z' };
      expect(await profiles.put({ ...created, revision: 0 }, null)).toBe(true);
      expect(await profiles.put({ ...created, districtId: 'sjodal', revision: 0 }, null)).toBe(false);
      const replaced = {
        userId: 'web:test-ledamot',
        language: 'en' as const,
        address: 'web:dm:test-ledamot',
        displayName: 'Test Ledamot',
        updatedAt: '2026-03-02T00:00:00.000Z',
        revision: 1,
      };
      expect(await profiles.put(replaced, 0)).toBe(true);
      // A write that read revision 0 comes too late: it changes nothing.
      expect(await profiles.put({ ...created, districtId: 'vastby', revision: 1 }, 0)).toBe(false);
      const stored = await profiles.get('web:test-ledamot');
      expect(stored).toEqual(replaced);
      expect(stored !== null && 'districtId' in stored).toBe(false);
    });

    it('lets one of ten concurrent writes over the same revision win', async () => {
      const profiles = current().profiles;
      await profiles.put({ userId: 'web:p', updatedAt: '2026-03-01T00:00:00.000Z', revision: 0 }, null);
      const results = await concurrently(10, (i) =>
        profiles.put({ userId: 'web:p', districtId: `d${i}`, updatedAt: '2026-03-01T00:00:01.000Z', revision: 1 }, 0),
      );
      expect(results.filter((won) => won)).toHaveLength(1);
      expect((await profiles.get('web:p'))?.districtId).toBe(`d${results.indexOf(true)}`);
    });
  });

  describe('channel bindings', () => {
    it('binds channels per district, once per channel, and lists only that district’s', async () => {
      const bindings = current().bindings;
      const at = (n: number) => `2026-03-0${n}T10:00:00.000Z`;
      await bindings.bind({
        districtId: 'norra-skane',
        address: 'teams:conv:19:a@thread',
        boundBy: 'teams:k',
        boundAt: at(1),
      });
      await bindings.bind({
        districtId: 'norra-skane',
        address: 'web:channel:norra-skane',
        boundBy: 'web-demo',
        boundAt: at(2),
      });
      await bindings.bind({
        districtId: 'norra',
        address: 'teams:conv:19:b@thread',
        boundBy: 'teams:k',
        boundAt: at(1),
      });
      // Binding the same channel again only refreshes who and when.
      await bindings.bind({
        districtId: 'norra-skane',
        address: 'teams:conv:19:a@thread',
        boundBy: 'teams:v',
        boundAt: at(3),
      });
      const listed = await bindings.ofDistrict('norra-skane');
      expect(listed.map((b) => [b.address, b.boundBy])).toEqual([
        ['web:channel:norra-skane', 'web-demo'],
        ['teams:conv:19:a@thread', 'teams:v'],
      ]);
      expect((await bindings.ofDistrict('norra')).map((b) => b.address)).toEqual(['teams:conv:19:b@thread']);
      expect(await bindings.ofDistrict('nowhere')).toEqual([]);
    });
  });

  describe('key-values', () => {
    it('puts, replaces, lists by namespace and deletes', async () => {
      const kv = current().keyValues;
      const reference = { serviceUrl: 'https://smba.example.org/', 'conversation.id': 'a:1', $type: 'ref', n: [1, 2] };
      await kv.put('teams-refs', 'user-1', reference);
      await kv.put('teams-refs', 'user-0', '{"$where": "1"}');
      await kv.put('alerts', 'user-1', 42);
      expect(await kv.get('teams-refs', 'user-1')).toEqual(reference);
      expect(await kv.get('teams-refs', 'user-0')).toBe('{"$where": "1"}');
      expect(await kv.get('alerts', 'user-1')).toBe(42);
      expect(await kv.get('teams-refs', 'missing')).toBeNull();

      await kv.put('teams-refs', 'user-1', { replaced: true });
      expect(await kv.list('teams-refs')).toEqual([
        { key: 'user-0', value: '{"$where": "1"}' },
        { key: 'user-1', value: { replaced: true } },
      ]);
      await kv.delete('teams-refs', 'user-1');
      await kv.delete('teams-refs', 'user-1');
      expect(await kv.list('teams-refs')).toEqual([{ key: 'user-0', value: '{"$where": "1"}' }]);
      expect(await kv.list('empty')).toEqual([]);
    });

    it('never confuses namespace and key, whatever characters they hold', async () => {
      const kv = current().keyValues;
      await kv.put('a:b', 'c', 'first');
      await kv.put('a', 'b:c', 'second');
      expect(await kv.get('a:b', 'c')).toBe('first');
      expect(await kv.get('a', 'b:c')).toBe('second');
    });
  });

  describe('counters', () => {
    it('counts from 1 per name', async () => {
      expect(await current().counters.next('case-2026')).toBe(1);
      expect(await current().counters.next('case-2026')).toBe(2);
      expect(await current().counters.next('case-2027')).toBe(1);
    });

    it('hands out 1..20 once each to 20 concurrent callers', async () => {
      const values = await concurrently(20, () => current().counters.next('case-2026'));
      expect([...values].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(await current().counters.next('case-2026')).toBe(21);
    });
  });
}
