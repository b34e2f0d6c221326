import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutgoingMessage } from '../../../src/engine/prompt';
import type { Stores } from '../../../src/ports/stores';
import { createStores } from '../../../src/store/create-stores';
import { makeCase, makeNotification } from '../../support/fixtures';

/**
 * The encrypted outbox keeps the plaintext of pending bot replies until they are over, so the dispatcher does not
 * decrypt a reply each time it looks at the queue (src/store/encrypted/encrypted-outbox-store.ts). What a member or
 * an erasure would notice if it went wrong: a reply that differs from what was queued, one that differs after a
 * restart, or a message of an anonymised case still readable.
 */
let dataDir: string;
let stores: Stores;
const at = new Date('2026-11-23T12:00:00Z');
const question = (text: string): OutgoingMessage => ({
  language: 'sv',
  prompt: { kind: 'message', text: { raw: text } },
});

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-kept-'));
  stores = await createStores({ dataDir });
});
afterEach(async () => {
  await stores.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('pending replies in the encrypted outbox', () => {
  it('go out as queued, even when the caller changes its message afterwards, and read the same after a restart', async () => {
    const message = question('Vad hände?');
    await stores.outbox.enqueue([makeNotification({ id: 'reply:t1:0', caseId: null, message })]);
    (message.prompt as { text: unknown }).text = { raw: 'ändrat efteråt' };
    const before = (await stores.outbox.due(at, 10)).find((n) => n.id === 'reply:t1:0');
    expect(before?.message).toEqual(question('Vad hände?'));

    await stores.close();
    stores = await createStores({ dataDir });
    const after = (await stores.outbox.due(at, 10)).find((n) => n.id === 'reply:t1:0');
    expect(after).toEqual(before);
  });

  it('keep no words once sent', async () => {
    await stores.outbox.enqueue([makeNotification({ id: 'reply:t2:0', caseId: null, message: question('Tack') })]);
    await stores.outbox.markSent('reply:t2:0', at);
    expect((await stores.outbox.get('reply:t2:0'))?.message).toBeUndefined();
  });

  it('never keep a message sealed with a case key: anonymising the case makes it unreadable at once', async () => {
    const c = makeCase({ id: 'case-kept' });
    await stores.cases.create(c);
    await stores.outbox.enqueue([makeNotification({ id: 'n-case', caseId: c.id, message: question('Om ärendet') })]);
    expect((await stores.outbox.get('n-case'))?.message).toEqual(question('Om ärendet'));
    const anonymised = { ...c, anonymisedAt: at.toISOString(), revision: c.revision + 1 };
    expect(await stores.cases.update(anonymised, c.revision)).toBe(true);
    await expect(stores.outbox.get('n-case')).rejects.toMatchObject({ code: 'crypto.key_missing' });
  });
});
