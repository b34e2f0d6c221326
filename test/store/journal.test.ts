import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VaktpostError } from '../../src/domain/errors';
import type { Notification } from '../../src/domain/notification';
import type { Session } from '../../src/engine/session';
import type { InboxEntry } from '../../src/ports/inbox';
import {
  claimUpdate,
  documentToNotification,
  FORGET_MARK,
  documentToSession,
  notificationToDocument,
  sentUpdate,
  sessionToDocument,
} from '../../src/store/documents';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';
import { openCollection } from '../../src/store/embedded/datastore';
import { documentToInboxRecord, inboxDoneUpdate, inboxEntryToDocument } from '../../src/store/inbox-documents';
import { makeInboxEntry, makeNotification, makeSession } from '../support/fixtures';

/**
 * The embedded inbox, outbox and sessions are journals (src/store/embedded/journal.ts) in NeDB's own line format: what a
 * member would notice if that went wrong is an upgrade that loses the turns and replies an earlier version (NeDB)
 * left waiting (and the reports members had begun), or a downgrade that cannot read the files.
 */
const T0 = new Date('2026-03-02T10:00:00.000Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);
/** NeDB's own line format, taken before any store installs its patches. */
const nedbModel = createRequire(require.resolve('@seald-io/nedb'))('./lib/model.js') as {
  serialize(doc: unknown): string;
  deserialize(line: string): unknown;
};
const nedbSerialize = nedbModel.serialize.bind(nedbModel);

/** The plain indexes the NeDB-backed outbox and inbox had: their `$$indexCreated` lines are in old files. */
const OLD_OUTBOX_INDEXES = ['status', 'caseId', 'stream', 'turn'];

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-journal-'));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
});

const fileText = (dir: string, name: string): Promise<string> => readFile(join(dir, `${name}.db`), 'utf8');
const reply = (id: string, turn: string, seq = 0): Notification =>
  makeNotification({ id, caseId: null, stream: 'reply|slack:dm:U1', turn, seq });

describe('the journal reads what NeDB wrote', () => {
  it('loads an outbox, an inbox and sessions an earlier version wrote with NeDB: updates, removals, dates, index lines', async () => {
    const waiting = makeNotification({ id: 'case-1:alert:slack:C1', seq: 1 });
    const sent = reply('reply:Ev1:0', 'slack:Ev1');
    const removed = reply('reply:Ev1:1', 'slack:Ev1', 1);
    const marked = reply('reply:Ev2:0', 'slack:Ev2');
    const outbox = await openCollection(dataDir, 'outbox', [], OLD_OUTBOX_INDEXES);
    await outbox.insertAsync([waiting, sent, removed, marked].map(notificationToDocument));
    await outbox.updateAsync({ _id: waiting.id }, claimUpdate('old-process', later(30_000), T0), {});
    await outbox.updateAsync({ _id: sent.id }, sentUpdate(later(1_000)), {});
    await outbox.removeAsync({ _id: removed.id }, {});
    await outbox.updateAsync({ _id: marked.id }, { $set: { [FORGET_MARK]: true } }, {});

    const pending = makeInboxEntry({ claimedBy: null, claimedUntil: null });
    const handled = makeInboxEntry();
    const inbox = await openCollection(dataDir, 'inbox', [], ['status']);
    await inbox.insertAsync(inboxEntryToDocument(pending));
    await inbox.insertAsync(inboxEntryToDocument(handled));
    await inbox.updateAsync({ _id: handled.id }, inboxDoneUpdate(T0, 'processed'), {});

    const session = makeSession({ userId: 'slack:U7', key: 'slack:U7|report' });
    const answered = { ...session, stepId: 'channels', trail: ['categories'], revision: 1 };
    const ended = makeSession({ userId: 'slack:U7', key: 'slack:U7|risk' });
    const sessions = await openCollection(dataDir, 'sessions', [], ['userId']);
    await sessions.insertAsync([sessionToDocument(session), sessionToDocument(ended)]);
    await sessions.updateAsync({ _id: session.key, revision: 0 }, sessionToDocument(answered), {});
    await sessions.removeAsync({ _id: ended.key }, {});
    // A profile from before profiles had a revision (it counts as 0).
    const profiles = await openCollection(dataDir, 'profiles');
    await profiles.insertAsync({ _id: 'slack:U7', userId: 'slack:U7', language: 'en', updatedAt: T0.toISOString() });
    // Not compacted: the appended lines as a process killed before its close leaves them.
    const oldOutbox = await fileText(dataDir, 'outbox');
    expect(oldOutbox).toContain('$$indexCreated');
    expect(oldOutbox).toContain('"$$deleted":true');
    expect(await fileText(dataDir, 'inbox')).toContain('"expireAt":{"$$date":');

    const stores = await createEmbeddedStores({ dataDir });
    expect(await stores.outbox.get(waiting.id)).toEqual({
      ...waiting,
      claimedBy: 'old-process',
      claimedUntil: later(30_000).toISOString(),
      sendingSince: T0.toISOString(),
    });
    expect(await stores.outbox.get(sent.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await stores.outbox.get(sent.id)).not.toHaveProperty('message');
    expect(await stores.outbox.get(removed.id)).toBeNull();
    expect((await stores.outbox.due(later(60_000), 10)).map((n) => n.id)).toEqual([marked.id, waiting.id]);
    expect((await stores.outbox.listForCase(waiting.caseId ?? '')).map((n) => n.id)).toEqual([waiting.id]);
    // The mark an earlier version left still removes the reply when it ends.
    await stores.outbox.markSent(marked.id, later(2_000));
    expect(await stores.outbox.get(marked.id)).toBeNull();

    expect(await stores.inbox.get(pending.id)).toEqual(pending);
    expect(await stores.inbox.get(handled.id)).toEqual({
      id: handled.id,
      status: 'done',
      outcome: 'processed',
      doneAt: T0.toISOString(),
    });
    expect(await stores.inbox.accept(handled)).toBe(false);
    expect((await stores.inbox.claimable(T0, 10)).map((e) => e.id)).toEqual([pending.id]);
    expect(await stores.inbox.prune(later(1))).toBe(1);

    expect(await stores.sessions.get(session.key)).toEqual(answered);
    expect(await stores.sessions.get(ended.key)).toBeNull();
    expect(await stores.sessions.ofUser('slack:U7')).toEqual([answered]);
    expect(await stores.sessions.put({ ...answered, revision: 2 }, 0)).toBe(false);
    expect(await stores.sessions.put({ ...answered, revision: 2 }, 1)).toBe(true);
    const profile = { userId: 'slack:U7', language: 'en', updatedAt: T0.toISOString(), revision: 0 } as const;
    expect(await stores.profiles.get('slack:U7')).toEqual(profile);
    expect(await stores.profiles.put({ ...profile, districtId: 'norrby', revision: 1 }, 1)).toBe(false);
    expect(await stores.profiles.put({ ...profile, districtId: 'norrby', revision: 1 }, 0)).toBe(true);
    await stores.close();
  });
});

describe('NeDB reads what the journal wrote', () => {
  it('loads the appended lines (before any compaction) and the compacted file alike', async () => {
    const stores = await createEmbeddedStores({ dataDir });
    const entry = makeInboxEntry({ claimedBy: null, claimedUntil: null }, { text: 'Han står utanför' });
    const handled = makeInboxEntry();
    expect(await stores.inbox.accept(entry)).toBe(true);
    expect(await stores.inbox.accept(handled)).toBe(true);
    expect(await stores.inbox.claim(entry.id, 'me', T0, later(30_000))).toBe(true);
    await stores.inbox.markDone(handled.id, T0, 'throttled');
    const kept = makeNotification({ id: 'case-2:alert:slack:C1' });
    const forgotten = reply('reply:Ev3:0', 'slack:Ev3');
    await stores.outbox.enqueue([kept, forgotten]);
    expect(await stores.outbox.claim(kept.id, 'me', T0, later(30_000))).toBe(true);
    await stores.outbox.markSent(forgotten.id, T0);
    await stores.outbox.forgetTurn('slack:Ev3');
    const session = makeSession();
    expect(await stores.sessions.put(session, null)).toBe(true);
    expect(await stores.sessions.put({ ...session, stepId: 'channels', revision: 1 }, 0)).toBe(true);
    const gone = makeSession();
    await stores.sessions.put(gone, null);
    expect(await stores.sessions.delete(gone.key, 0)).toBe(true);

    const copy = join(dataDir, 'copy');
    const expectNedbReads = async (): Promise<void> => {
      await rm(copy, { recursive: true, force: true });
      await mkdir(copy);
      for (const name of ['inbox', 'outbox', 'sessions'])
        await copyFile(join(dataDir, `${name}.db`), join(copy, `${name}.db`));
      const outbox = await openCollection(copy, 'outbox');
      expect(documentToNotification(await outbox.findOneAsync({ _id: kept.id }))).toEqual(
        await stores.outbox.get(kept.id),
      );
      expect(await outbox.findOneAsync({ _id: forgotten.id })).toBeNull();
      const inbox = await openCollection(copy, 'inbox');
      expect(documentToInboxRecord(await inbox.findOneAsync({ _id: entry.id }))).toEqual(
        await stores.inbox.get(entry.id),
      );
      const done = await inbox.findOneAsync({ _id: handled.id });
      expect(documentToInboxRecord(done)).toEqual(await stores.inbox.get(handled.id));
      // MongoDB's TTL index needs a real Date; the file holds it as NeDB writes one.
      expect(done?.expireAt).toBeInstanceOf(Date);
      // What NeDB's queries select by (the numeric twins of the times) is there too.
      expect(await inbox.countAsync({ status: 'done', doneAtMs: { $lt: later(1).getTime() } })).toBe(1);
      expect(await outbox.countAsync({ status: 'pending', nextAttemptAtMs: { $lte: later(1).getTime() } })).toBe(1);
      const sessions = await openCollection(copy, 'sessions', [], ['userId']);
      expect(documentToSession(await sessions.findOneAsync({ userId: session.userId }))).toEqual(
        await stores.sessions.get(session.key),
      );
      expect(await sessions.findOneAsync({ _id: gone.key })).toBeNull();
    };
    await expectNedbReads();
    // Line for line what NeDB itself writes for the document it reads from the line (a Date as {"$$date": …}).
    for (const name of ['inbox', 'outbox', 'sessions'])
      for (const line of (await fileText(dataDir, name)).split('\n').filter((l) => l !== ''))
        expect(line).toBe(nedbSerialize(nedbModel.deserialize(line)));
    expect((await fileText(dataDir, 'outbox')).split('\n')).toContain(
      JSON.stringify({ $$deleted: true, _id: forgotten.id }),
    );
    // Written for a reopen without a close (crash): the stores still hold the same.
    const before = await stores.outbox.get(kept.id);
    await stores.close();
    expect(await fileText(dataDir, 'outbox')).not.toContain('$$deleted');
    const reopened = await createEmbeddedStores({ dataDir });
    expect(await reopened.outbox.get(kept.id)).toEqual(before);
    await reopened.close();
  });
});

describe('a line NeDB would split', () => {
  it('stays one line for NeDB when a member’s text holds a line separator JSON leaves raw', async () => {
    const stores = await createEmbeddedStores({ dataDir });
    const text = 'Första raden\u2028andra\u2029tredje\u0085sista';
    const entry = makeInboxEntry({}, { text });
    await stores.inbox.accept(entry);
    await stores.close();
    const inbox = await openCollection(dataDir, 'inbox');
    const read = documentToInboxRecord(await inbox.findOneAsync({ _id: entry.id }));
    expect(read.status === 'pending' ? read.turn.text : null).toBe(text);
    const reopened = await createEmbeddedStores({ dataDir });
    expect(await reopened.inbox.get(entry.id)).toEqual(entry);
    await reopened.close();
  });
});

describe('a damaged journal file', () => {
  it('stops the start with a clear error naming the file and line, and leaves the file as it was', async () => {
    const stores = await createEmbeddedStores({ dataDir });
    await stores.outbox.enqueue([makeNotification({ id: 'n1' }), makeNotification({ id: 'n2' })]);
    await stores.close();
    const written = await fileText(dataDir, 'outbox');
    // What a crash in the middle of a write leaves: a half-written last line.
    await appendFile(join(dataDir, 'outbox.db'), '{"_id":"n3","addr');
    const refused: unknown = await createEmbeddedStores({ dataDir }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(VaktpostError);
    expect(refused).toMatchObject({ code: 'store.unavailable' });
    const message = (refused as Error).message;
    expect(message).toContain(join(dataDir, 'outbox.db'));
    expect(message).toMatch(/line 3 \(the last\) is damaged/);
    expect(message).toContain('a half-written last line after a crash is safe to delete');
    expect(await fileText(dataDir, 'outbox')).toBe(`${written}{"_id":"n3","addr`);

    // A damaged line in the middle is no crash's doing: refused too, named without "(the last)".
    await writeFile(join(dataDir, 'outbox.db'), `not json\n${written}`);
    const middle: unknown = await createEmbeddedStores({ dataDir }).catch((error: unknown) => error);
    expect(middle).toMatchObject({ code: 'store.unavailable' });
    expect((middle as Error).message).toMatch(/line 1 is damaged/);
    // The data folder's lock was given up: once repaired, the store opens with everything in it.
    await writeFile(join(dataDir, 'outbox.db'), written);
    const repaired = await createEmbeddedStores({ dataDir });
    expect((await repaired.outbox.get('n2'))?.id).toBe('n2');
    await repaired.close();
  });

  it('stops the start on a document that does not match its schema, naming it (never its values)', async () => {
    const entry = makeInboxEntry({}, { text: 'hemligt' });
    const { turn: _turn, ...broken } = inboxEntryToDocument(entry);
    await writeFile(join(dataDir, 'inbox.db'), `${JSON.stringify(broken)}\n`);
    const refused: unknown = await createEmbeddedStores({ dataDir }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'store.unavailable' });
    expect((refused as Error).message).toContain(`inbox document ${entry.id}`);
    expect((refused as Error).message).toContain('turn');
    expect((refused as Error).message).not.toContain('hemligt');
  });
});

describe('the journal’s memory', () => {
  it('cannot be changed through what a read returns', async () => {
    const stores = await createEmbeddedStores({});
    const entry = makeInboxEntry();
    await stores.inbox.accept(entry);
    const notification = makeNotification({
      id: 'n1',
      render: { caseId: 'c', kind: 'alert', language: 'sv', entry: 0 },
    });
    await stores.outbox.enqueue([notification]);

    const read = (await stores.outbox.get('n1')) as Notification;
    expect(() => {
      read.status = 'sent';
    }).toThrow(TypeError);
    expect(() => {
      if (read.render) read.render.entry = 5;
    }).toThrow(TypeError);
    const [due] = await stores.outbox.due(T0, 10);
    expect(() => {
      if (due) due.address = 'slack:T1:Celsewhere';
    }).toThrow(TypeError);
    const waiting = (await stores.inbox.get(entry.id)) as InboxEntry;
    expect(() => {
      waiting.turn.user.displayName = 'Någon annan';
    }).toThrow(TypeError);
    const [claimable] = await stores.inbox.claimable(later(10 * 60_000), 10);
    expect(() => {
      if (claimable) claimable.claimedBy = 'me';
    }).toThrow(TypeError);

    const session = makeSession({ trail: ['categories'], context: { districtKnown: 'yes' } });
    await stores.sessions.put(session, null);
    const [mine] = await stores.sessions.ofUser(session.userId);
    expect(() => {
      (mine as Session).trail.push('channels');
    }).toThrow(TypeError);
    expect(() => {
      (mine as Session).context.districtKnown = 'no';
    }).toThrow(TypeError);

    expect(await stores.outbox.get('n1')).toEqual(notification);
    expect(await stores.inbox.get(entry.id)).toEqual(entry);
    expect(await stores.sessions.get(session.key)).toEqual(session);
    const profile = { userId: 'web:m', language: 'sv', updatedAt: T0.toISOString(), revision: 0 } as const;
    await stores.profiles.put(profile, null);
    const readProfile = await stores.profiles.get('web:m');
    expect(() => {
      if (readProfile) readProfile.language = 'en';
    }).toThrow(TypeError);
    expect(await stores.profiles.get('web:m')).toEqual(profile);
    await stores.close();
  });

  it('appends a multi-item enqueue as one write, and a removal of many as one', async () => {
    const stores = await createEmbeddedStores({ dataDir });
    // Node's own fs module, the one the append descriptor writes through.
    const appends = jest.spyOn(jest.requireActual<typeof import('node:fs')>('node:fs'), 'writeSync');
    await stores.outbox.enqueue([
      reply('r1', 'slack:Ev1', 0),
      reply('r2', 'slack:Ev1', 1),
      reply('r3', 'slack:Ev1', 2),
    ]);
    expect(appends).toHaveBeenCalledTimes(1);
    expect(
      String(appends.mock.calls[0]?.[1])
        .split('\n')
        .filter((l) => l !== ''),
    ).toHaveLength(3);
    for (const id of ['r1', 'r2', 'r3']) await stores.outbox.markSent(id, T0);
    appends.mockClear();
    await stores.outbox.forgetTurn('slack:Ev1');
    expect(appends).toHaveBeenCalledTimes(1);
    await stores.close();
  });

  it('puts writes made while the file is rewritten into the new file', async () => {
    const stores = await createEmbeddedStores({ dataDir });
    await stores.outbox.enqueue([makeNotification({ id: 'before' })]);
    const closing = stores.close();
    // Asked for while the close's compaction writes the new file (after the close began, before it is done).
    const during = stores.outbox.enqueue([makeNotification({ id: 'during' })]);
    await Promise.all([closing, during]);
    const reopened = await createEmbeddedStores({ dataDir });
    expect((await reopened.outbox.get('before'))?.id).toBe('before');
    expect((await reopened.outbox.get('during'))?.id).toBe('during');
    await reopened.close();
  });

  it('keeps its files private (0600), also one an earlier version left readable', async () => {
    await writeFile(join(dataDir, 'inbox.db'), '', { mode: 0o644 });
    const stores = await createEmbeddedStores({ dataDir });
    await stores.outbox.enqueue([makeNotification({ id: 'n1' })]);
    expect((await stat(join(dataDir, 'inbox.db'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'outbox.db'))).mode & 0o777).toBe(0o600);
    await stores.close();
    expect((await stat(join(dataDir, 'outbox.db'))).mode & 0o777).toBe(0o600);
  });
});
