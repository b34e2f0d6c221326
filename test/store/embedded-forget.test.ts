import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { makeNotification } from '../support/fixtures';

const T0 = new Date('2026-03-02T10:00:00.000Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);
const reply = (id: string, turn: string) => makeNotification({ id, caseId: null, stream: 'reply|slack:dm:U1', turn });

/** The embedded store keeps the turns it has forgotten in memory (one process): what that saves and what it risks. */
describe('embedded outbox: forgotten turns', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-forget-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const outboxLines = async () =>
    (await readFile(join(dataDir, 'outbox.db'), 'utf8')).split('\n').filter((line) => line !== '');

  it('writes nothing when a turn with a pending reply is forgotten, and one removal when the reply is sent', async () => {
    const stores = await createEmbeddedStores({ dataDir });
    await stores.outbox.enqueue([reply('r1', 'slack:Ev1')]);
    expect(await stores.outbox.claim('r1', 'w', T0, later(30_000))).toBe(true);
    const before = (await outboxLines()).length;
    await stores.outbox.forgetTurn('slack:Ev1');
    expect(await outboxLines()).toHaveLength(before);
    await stores.outbox.markSent('r1', later(1_000));
    const written = (await outboxLines()).slice(before);
    expect(written).toEqual([JSON.stringify({ $$deleted: true, _id: 'r1' })]);
    expect(await stores.outbox.get('r1')).toBeNull();
    await stores.close();
  });

  it('after a restart sends a pending reply of a forgotten turn once and keeps it as a record', async () => {
    const first = await createEmbeddedStores({ dataDir });
    await first.outbox.enqueue([reply('r1', 'slack:Ev1')]);
    expect(await first.outbox.claim('r1', 'dead-process', T0, later(30_000))).toBe(true);
    await first.outbox.forgetTurn('slack:Ev1');
    await first.close();
    const second = await createEmbeddedStores({ dataDir });
    expect(await second.outbox.expireClaims(later(1_000))).toBe(1);
    expect((await second.outbox.due(later(1_000), 10)).map((n) => n.id)).toEqual(['r1']);
    expect(await second.outbox.claim('r1', 'restarted', later(1_000), later(60_000))).toBe(true);
    await second.outbox.markSent('r1', later(2_000));
    expect(await second.outbox.get('r1')).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await second.outbox.due(later(120_000), 10)).toEqual([]);
    await second.close();
  });

  it('still removes a reply an earlier version marked in the file when it ends', async () => {
    const first = await createEmbeddedStores({ dataDir });
    await first.outbox.enqueue([reply('r1', 'slack:Ev1')]);
    await first.close();
    // What an earlier version wrote when the turn was done: the mark in the stored document.
    const [line] = (await outboxLines()).filter((l) => l.includes('"r1"'));
    const marked = { ...(JSON.parse(line ?? '{}') as object), forgetWhenOver: true };
    await appendFile(join(dataDir, 'outbox.db'), `${JSON.stringify(marked)}\n`);
    const second = await createEmbeddedStores({ dataDir });
    expect(await second.outbox.claim('r1', 'w', T0, later(30_000))).toBe(true);
    await second.outbox.markSent('r1', later(1_000));
    expect(await second.outbox.get('r1')).toBeNull();
    await second.close();
  });
});
