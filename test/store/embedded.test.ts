import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Stores } from '../../src/ports/stores';
import { createStores } from '../../src/store/create-stores';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { caseToDocument, SUMMARY_BATCH } from '../../src/store/documents';
import type { CaseSummary } from '../../src/domain/case';
import { inboxEntryToDocument } from '../../src/store/inbox-documents';
import { makeCase, makeDraft, makeInboxEntry } from '../support/fixtures';
import { expectCode } from './contract/case-contract';
import { runStoreContract, type StoreHarness } from './contract';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'vaktpost-embedded-'));
}

async function openInTempDir(): Promise<StoreHarness> {
  const dataDir = await tempDir();
  let open: Stores = await createEmbeddedStores({ dataDir });
  return {
    stores: open,
    reopen: async () => {
      open = await createEmbeddedStores({ dataDir });
      return open;
    },
    cleanup: async () => {
      await open.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

runStoreContract('embedded', openInTempDir);

describe('embedded store', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await tempDir();
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const lines = async (name: string) =>
    (await readFile(join(dataDir, `${name}.db`), 'utf8')).split('\n').filter((line) => line !== '');

  it('compacts the append-only files on start', async () => {
    const first = await createEmbeddedStores({ dataDir });
    let item = makeCase();
    await first.cases.create(item);
    for (let i = 0; i < 3; i += 1) {
      const next = { ...item, revision: item.revision + 1, updatedAt: `2026-03-0${i + 3}T00:00:00.000Z` };
      expect(await first.cases.update(next, item.revision)).toBe(true);
      item = next;
    }
    await first.close();
    // As a process killed before its close would leave it: superseded lines still in the append-only file.
    const compacted = await lines('cases');
    const last = compacted.find((line) => line.includes(item.id)) ?? '';
    const older = last.replace(`"revision":${item.revision}`, '"revision":0');
    await appendFile(join(dataDir, 'cases.db'), `${older}\n${last}\n`);
    const before = (await lines('cases')).length;
    const second = await createEmbeddedStores({ dataDir });
    expect(before).toBeGreaterThan((await lines('cases')).length);
    expect(await second.cases.get(item.id)).toEqual(item);
    await second.close();
  });

  it('lets one process use a data folder: a second is refused, naming the folder and the running process', async () => {
    const first = await createEmbeddedStores({ dataDir });
    const refused: unknown = await createEmbeddedStores({ dataDir }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'store.locked' });
    expect(String((refused as Error).message)).toContain(resolve(dataDir));
    expect(String((refused as Error).message)).toContain(`process ${process.pid}`);
    expect(await first.cases.list({})).toEqual([]);
    await first.close();
    // Released on close: the next process opens it.
    const next = await createEmbeddedStores({ dataDir });
    await next.close();
  });

  it('takes over at once a lock whose process is gone (killed), without waiting for it to go stale', async () => {
    const first = await createEmbeddedStores({ dataDir });
    await first.cases.create(makeCase());
    await first.close();
    // What a kill -9 leaves behind: the lock directory and the holder file of a process that no longer runs.
    await mkdir(join(dataDir, '.vaktpost.lock'));
    await writeFile(
      join(dataDir, 'vaktpost-process.json'),
      JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), startedAt: '2026-03-01T00:00:00.000Z' }),
    );
    const started = Date.now();
    const restarted = await createEmbeddedStores({ dataDir });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await restarted.cases.list({})).toHaveLength(1);
    await restarted.close();
  });

  it('refuses to start on a damaged data file rather than drop its lines', async () => {
    const stores = await createEmbeddedStores({ dataDir });
    await stores.cases.create(makeCase());
    await stores.close();
    const written = await lines('cases');
    await appendFile(join(dataDir, 'cases.db'), '{"_id":"half-writ');
    await expectCode(createEmbeddedStores({ dataDir }), 'store.unavailable');
    // The case, the index lines and the damaged line: nothing dropped.
    expect(await lines('cases')).toEqual([...written, '{"_id":"half-writ']);
  });

  it('reports a stored case that does not match the schema clearly', async () => {
    await writeFile(join(dataDir, 'cases.db'), '{"_id":"case-bad","number":"VP-2026-0001","revision":0}\n');
    const stores = await createEmbeddedStores({ dataDir });
    await expectCode(stores.cases.get('case-bad'), 'store.unavailable');
    await expect(stores.cases.get('case-bad')).rejects.toThrow(/cases document case-bad/);
    await stores.close();
  });

  it('drops at start the turns of done inbox entries an earlier version kept, leaving pending ones whole', async () => {
    const pending = makeInboxEntry({}, { text: 'väntar på att behandlas' });
    const handled = makeInboxEntry({}, { text: 'Han vet var jag bor' });
    // As an earlier version left a handled turn: marked done, with the turn and all.
    const oldDone = {
      ...inboxEntryToDocument(handled),
      status: 'done',
      outcome: 'processed',
      doneAt: '2026-03-02T09:31:00.000Z',
      doneAtMs: Date.parse('2026-03-02T09:31:00.000Z'),
      claimedBy: null,
      claimedUntil: null,
      claimedUntilMs: null,
    };
    await writeFile(
      join(dataDir, 'inbox.db'),
      `${JSON.stringify(inboxEntryToDocument(pending))}\n${JSON.stringify(oldDone)}\n`,
    );
    const stores = await createEmbeddedStores({ dataDir });
    expect(await stores.inbox.get(handled.id)).toEqual({
      id: handled.id,
      status: 'done',
      outcome: 'processed',
      doneAt: '2026-03-02T09:31:00.000Z',
    });
    expect(await stores.inbox.accept(handled)).toBe(false);
    expect(await stores.inbox.get(pending.id)).toEqual(pending);
    await stores.close();
    const file = (await lines('inbox')).join('\n');
    expect(file).not.toContain('Han vet var jag bor');
    expect(file).toContain('väntar på att behandlas');
  });

  it('finds the pending notifications of cases stored before the relay had its index', async () => {
    const waiting = makeCase({ pendingNotifications: [makeDraft()] });
    const done = makeCase();
    // As an earlier version wrote them: no hasPendingNotifications field.
    const old = (c: typeof waiting) => {
      const { hasPendingNotifications: _flag, ...doc } = caseToDocument(c);
      return JSON.stringify(doc);
    };
    await writeFile(join(dataDir, 'cases.db'), `${old(waiting)}\n${old(done)}\n`);
    const stores = await createEmbeddedStores({ dataDir });
    expect((await stores.cases.list({ withPendingNotifications: true })).map((c) => c.id)).toEqual([waiting.id]);
    expect((await stores.cases.list({ withPendingNotifications: false })).map((c) => c.id)).toEqual([done.id]);
    await stores.close();
  });

  it('scans summaries from its own documents: cases changed during the scan as they are now, none changed by a caller', async () => {
    const stores = await createEmbeddedStores({});
    const contact = { userId: 'web:contact-scan', displayName: 'Kontakt Skanning' };
    const cases = Array.from({ length: 350 }, () => makeCase({ status: 'open', owner: contact }));
    for (const c of cases) await stores.cases.create(c);
    const seen: CaseSummary[] = [];
    let changed = false;
    for await (const summary of stores.cases.scanSummaries({ statuses: ['open'] })) {
      seen.push(summary);
      if (changed) continue;
      changed = true;
      // After the first summary: half of the other cases are closed, the rest get another owner.
      const others = cases.filter((c) => c.id !== summary.id);
      for (const [i, c] of others.entries()) {
        const next =
          i % 2 === 0
            ? { ...c, status: 'closed' as const, revision: c.revision + 1 }
            : { ...c, owner: { userId: 'web:contact-new', displayName: 'Ny Kontakt' }, revision: c.revision + 1 };
        expect(await stores.cases.update(next, c.revision)).toBe(true);
      }
      // A caller changing what it was given changes nothing stored.
      summary.owner!.displayName = 'Ändrad av anroparen';
      summary.checklist.push({ id: 'x', dueAt: null, doneAt: null } as never);
    }
    // Only the first batch (read before the changes) may show cases as they were.
    const stale = seen.filter((s) => s.owner?.userId === contact.userId);
    expect(stale.length).toBeLessThanOrEqual(SUMMARY_BATCH);
    const later = seen.slice(SUMMARY_BATCH);
    expect(later.length).toBeGreaterThan(100);
    expect(later.every((s) => s.status === 'open' && s.owner?.userId === 'web:contact-new')).toBe(true);
    const first = await stores.cases.get(seen[0]!.id);
    expect(first?.owner?.displayName).toBe(contact.displayName);
    expect(first?.checklist).toEqual(cases.find((c) => c.id === seen[0]!.id)?.checklist);
    await stores.close();
  });

  it('runs in memory without a data directory', async () => {
    const stores = await createEmbeddedStores({});
    const item = makeCase();
    await stores.cases.create(item);
    expect(await stores.cases.get(item.id)).toEqual(item);
    expect(stores.description).toBe('embedded (in memory)');
    await stores.close();
  });

  it('is what createStores opens when no MongoDB URI is configured', async () => {
    const stores = await createStores({ dataDir, mongodbUri: '' });
    expect(stores.description).toMatch(new RegExp(`^embedded files in ${resolve(dataDir)}; reports encrypted`));
    expect(await stores.ping()).toBe(true);
    await stores.close();
  });
});
