import { caseSummarySchema, type Case, type CaseSummary } from '../../../src/domain/case';
import { newChecklist } from '../../../src/cases/checklist';
import { VaktpostError, type ErrorCode } from '../../../src/domain/errors';
import type { CaseQuery } from '../../../src/ports/case-repository';
import { makeCase, makeDraft, makePerson } from '../../support/fixtures';
import { concurrently, type MakeStores, freshStoresPerTest } from './harness';

/** Rejects with a VaktpostError of the code, or fails the test. */
export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error: unknown = await promise.then(
    () => new Error(`expected a ${code} error, but the call succeeded`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(VaktpostError);
  expect((error as VaktpostError).code).toBe(code);
}

/** A copy of the case as the next write would store it. */
function nextOf(current: Case, change: Partial<Case>): Case {
  return { ...current, ...change, revision: current.revision + 1 };
}

/** Cases: create, read, conditional update, uniqueness, races and list filters. */
export function caseContract(makeStores: MakeStores): void {
  const { current } = freshStoresPerTest(makeStores);

  it('stores a case and reads it back unchanged, by id and by number', async () => {
    const stored = makeCase({
      report: {
        ...makeCase().report,
        description: '{"$where": "1"} $set . % – text that looks like a query stays text',
      },
      pendingNotifications: [makeDraft()],
    });
    await current().cases.create(stored);
    expect(await current().cases.get(stored.id)).toEqual(stored);
    expect(await current().cases.getByNumber(stored.number)).toEqual(stored);
    expect(await current().cases.get('case-missing')).toBeNull();
    expect(await current().cases.getByNumber('VP-2026-9999')).toBeNull();
  });

  it('updates a case written over the revision it read, and refuses a stale revision without changing anything', async () => {
    const original = makeCase();
    await current().cases.create(original);
    const taken = nextOf(original, { status: 'open', owner: makePerson('Test Kontakt') });
    expect(await current().cases.update(taken, 0)).toBe(true);
    expect(await current().cases.get(original.id)).toEqual(taken);

    const stale = nextOf(original, { owner: makePerson('Annan Kontakt') });
    expect(await current().cases.update(stale, 0)).toBe(false);
    expect(await current().cases.get(original.id)).toEqual(taken);
    expect(await current().cases.update(nextOf(makeCase(), {}), 0)).toBe(false);
  });

  it('refuses an update whose revision does not follow the expected one', async () => {
    const original = makeCase();
    await current().cases.create(original);
    await expectCode(current().cases.update({ ...original, revision: 5 }, 0), 'input.invalid');
    expect(await current().cases.get(original.id)).toEqual(original);
  });

  it('refuses a duplicate id or number with store.duplicate and leaves the original untouched', async () => {
    const original = makeCase();
    await current().cases.create(original);
    await expectCode(current().cases.create({ ...makeCase(), id: original.id }), 'store.duplicate');
    const sameNumber = { ...makeCase(), number: original.number };
    await expectCode(current().cases.create(sameNumber), 'store.duplicate');
    expect(await current().cases.get(original.id)).toEqual(original);
    expect(await current().cases.get(sameNumber.id)).toBeNull();

    const other = makeCase();
    await current().cases.create(other);
    await expectCode(current().cases.update(nextOf(other, { number: original.number }), 0), 'store.duplicate');
    expect(await current().cases.get(other.id)).toEqual(other);
    expect(await current().cases.getByNumber(original.number)).toEqual(original);
  });

  it('lets exactly one of 50 concurrent takes win, and stores the winner as owner', async () => {
    const original = makeCase();
    await current().cases.create(original);
    const read = await current().cases.get(original.id);
    if (read === null) throw new Error('case not stored');
    const takers = Array.from({ length: 50 }, (_, i) => makePerson(`Kontakt ${i}`));
    const results = await concurrently(50, (i) =>
      current().cases.update(nextOf(read, { status: 'open', owner: takers[i] ?? null }), read.revision),
    );
    expect(results.filter((won) => won)).toHaveLength(1);
    const winner = takers[results.indexOf(true)];
    const stored = await current().cases.get(original.id);
    expect(stored?.owner).toEqual(winner);
    expect(stored?.revision).toBe(1);
  });

  it('lets one of two concurrent hand-over writes win', async () => {
    const owner = makePerson('Test Kontakt');
    const successor = makePerson('Ny Kontakt');
    const original = makeCase({ status: 'open', owner, pendingHandover: successor, revision: 3 });
    await current().cases.create(original);
    const accept = nextOf(original, { owner: successor, pendingHandover: null });
    const reoffer = nextOf(original, { pendingHandover: makePerson('Tredje Kontakt') });
    const [accepted, reoffered] = await Promise.all([
      current().cases.update(accept, 3),
      current().cases.update(reoffer, 3),
    ]);
    expect([accepted, reoffered].filter((won) => won)).toHaveLength(1);
    expect(await current().cases.get(original.id)).toEqual(accepted ? accept : reoffer);
  });

  it('lists cases by district, status, reporter, owner and pending notifications, newest first', async () => {
    const contact = makePerson('Test Kontakt');
    const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T08:00:00.000Z`;
    const a = makeCase({ districtId: 'norrby', status: 'new', createdAt: at(1) });
    const b = makeCase({ districtId: 'norrby', status: 'open', owner: contact, createdAt: at(3) });
    const c = makeCase({ districtId: 'soderby', status: 'closed', owner: contact, createdAt: at(2) });
    const d = makeCase({ districtId: 'soderby', status: 'new', createdAt: at(4), pendingNotifications: [makeDraft()] });
    for (const item of [a, b, c, d]) await current().cases.create(item);
    const ids = async (query: CaseQuery) => (await current().cases.list(query)).map((item) => item.id);

    expect(await ids({})).toEqual([d.id, b.id, c.id, a.id]);
    expect(await ids({ districtIds: ['norrby'] })).toEqual([b.id, a.id]);
    expect(await ids({ districtIds: ['norrby', 'soderby'], statuses: ['new'] })).toEqual([d.id, a.id]);
    expect(await ids({ districtIds: [] })).toEqual([]);
    expect(await ids({ statuses: ['open', 'closed'] })).toEqual([b.id, c.id]);
    expect(await ids({ reporterUserId: c.reporter.userId })).toEqual([c.id]);
    expect(await ids({ ownerUserId: contact.userId })).toEqual([b.id, c.id]);
    expect(await ids({ ownerUserId: contact.userId, statuses: ['open'] })).toEqual([b.id]);
    expect(await ids({ withPendingNotifications: true })).toEqual([d.id]);
    expect(await ids({ withPendingNotifications: true, districtIds: ['norrby'] })).toEqual([]);
    expect(await ids({ withPendingNotifications: false })).toEqual([b.id, c.id, a.id]);
    const full = await current().cases.list({ districtIds: ['soderby'] });
    expect(full).toEqual([d, c]);
  });

  it('streams the summaries of the matching cases: only the fields a sweep needs, every case once', async () => {
    const contact = makePerson('Test Kontakt');
    const created = new Date('2026-03-01T08:00:00.000Z');
    const checklist = newChecklist(created).map((item, i) =>
      i === 0 ? { ...item, doneAt: created.toISOString(), doneBy: contact, note: 'anteckning' } : item,
    );
    const open = Array.from({ length: 1203 }, (_, i) =>
      makeCase({
        status: i % 3 === 0 ? 'new' : 'open',
        owner: i % 3 === 0 ? null : contact,
        checklist,
        urgent: i % 7 === 0,
      }),
    );
    const closed = makeCase({ status: 'closed', owner: contact });
    for (const item of [...open, closed]) await current().cases.create(item);

    const seen: CaseSummary[] = [];
    for await (const summary of current().cases.scanSummaries({ statuses: ['new', 'open'] })) seen.push(summary);

    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(seen.sort(byId)).toEqual(open.map((c) => caseSummarySchema.parse(c)).sort(byId));
    // Nothing beyond the summary: no report text, names of reporters, timeline or notes.
    const first = seen[0] as Record<string, unknown>;
    expect(Object.keys(first).sort()).toEqual([
      'checklist',
      'createdAt',
      'districtId',
      'escalations',
      'id',
      'number',
      'owner',
      'report',
      'status',
      'urgent',
    ]);
    const source = open.find((c) => c.id === (first.id as string));
    expect(first.report).toEqual({
      categories: source?.report.categories,
      police: caseSummarySchema.shape.report.shape.police.parse(source?.report.police),
    });
    expect(JSON.stringify(seen)).not.toContain('anteckning');
    const newOnes: string[] = [];
    for await (const summary of current().cases.scanSummaries({ statuses: ['new'], districtIds: ['norrby'] })) {
      newOnes.push(summary.id);
    }
    expect(newOnes.sort()).toEqual(
      open
        .filter((c) => c.status === 'new')
        .map((c) => c.id)
        .sort(),
    );
  });
}
