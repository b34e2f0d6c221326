/**
 * `npm run backup`: a copy of the embedded store taken while it is being written opens as a store, holds every case
 * that was complete when it was copied, and never has a case number the copied counter has not reached.
 */
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupEmbeddedStore } from '../../scripts/backup';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { makeCase } from '../support/fixtures';

describe('backup of the embedded store', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'vaktpost-backup-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('takes the encrypted evidence files with it, after the cases that name them', async () => {
    const dataDir = join(root, 'data');
    const live = await createEmbeddedStores({ dataDir });
    await live.cases.create(makeCase({ number: 'VP-2026-0001' }));
    await live.blobs.put('evidence-blob-1', Buffer.from([0, 1, 2, 250]));
    await live.close();
    const result = await backupEmbeddedStore(dataDir, join(root, 'backup'));
    expect(result.files.map((f) => f.name).at(-1)).toBe('evidence/evidence-blob-1.bin');
    const restored = await createEmbeddedStores({ dataDir: join(root, 'backup') });
    try {
      expect([...((await restored.blobs.get('evidence-blob-1')) ?? [])]).toEqual([0, 1, 2, 250]);
    } finally {
      await restored.close();
    }
  });

  it('copies a store that is being written into one that opens, with every case numbered within its counter', async () => {
    const dataDir = join(root, 'data');
    const live = await createEmbeddedStores({ dataDir });
    const created: string[] = [];
    const writeCase = async (): Promise<void> => {
      const n = await live.counters.next('case-number');
      const c = makeCase({ number: `VP-2026-${String(n).padStart(4, '0')}` });
      await live.cases.create(c);
      created.push(c.id);
    };
    for (let i = 0; i < 5; i += 1) await writeCase();
    // Keep writing while the backup runs, as a running Vaktpost would.
    let writing = true;
    const writer = (async () => {
      while (writing) await writeCase();
    })();
    const result = await backupEmbeddedStore(dataDir, join(root, 'backup'));
    writing = false;
    await writer;
    await live.close();

    expect(result.files.map((f) => f.name).slice(-3)).toEqual(['cases.db', 'counters.db', 'outbox.db']);
    const restored = await createEmbeddedStores({ dataDir: join(root, 'backup') });
    try {
      const cases = await restored.cases.list({});
      expect(cases.length).toBeGreaterThanOrEqual(5);
      expect(cases.every((c) => created.includes(c.id))).toBe(true);
      const highest = Math.max(...cases.map((c) => Number(c.number.slice(-4))));
      // The next number the restored store hands out is new: no second case with the same number.
      expect(await restored.counters.next('case-number')).toBeGreaterThan(highest);
    } finally {
      await restored.close();
    }
  });

  it('leaves out a line that was still being appended, so the copy opens', async () => {
    const dataDir = join(root, 'data');
    const live = await createEmbeddedStores({ dataDir });
    const whole = makeCase();
    await live.cases.create(whole);
    await live.close();
    await appendFile(join(dataDir, 'cases.db'), '{"_id":"case-half","number":"VP-20');

    await backupEmbeddedStore(dataDir, join(root, 'backup'));
    const restored = await createEmbeddedStores({ dataDir: join(root, 'backup') });
    try {
      expect((await restored.cases.list({})).map((c) => c.id)).toEqual([whole.id]);
    } finally {
      await restored.close();
    }
  });

  it('refuses a folder without Vaktpost data, and a folder that already holds a backup', async () => {
    await expect(backupEmbeddedStore(root, join(root, 'backup'))).rejects.toThrow(/no cases\.db.*DATA_DIR/);
    const dataDir = join(root, 'data');
    await (await createEmbeddedStores({ dataDir })).close();
    await writeFile(join(root, 'old.db'), '');
    await expect(backupEmbeddedStore(dataDir, root)).rejects.toThrow(/already holds a backup/);
  });
});
