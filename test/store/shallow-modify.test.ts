import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  claimUpdate,
  expireClaimUpdate,
  rescheduleUpdate,
  sentUpdate,
  notificationToDocument,
} from '../../src/store/documents';
import { inboxDoneUpdate, inboxEntryToDocument } from '../../src/store/inbox-documents';
import { installShallowModify, shallowModify } from '../../src/store/embedded/shallow-modify';
import { openCollection } from '../../src/store/embedded/datastore';
import { makeInboxEntry, makeNotification } from '../support/fixtures';

/**
 * The embedded store applies simple updates itself, with one shallow copy (src/store/embedded/shallow-modify.ts).
 * What a user would notice if it went wrong: a stored message or turn that differs from what NeDB would have
 * stored (a field lost, a count wrong, an update NeDB refuses let through), or an earlier read changed by a later
 * write. And after an upgrade of NeDB, its updates no longer going through the patched function.
 */
const model = createRequire(require.resolve('@seald-io/nedb'))('./lib/model.js') as {
  modify(doc: unknown, update: Record<string, unknown>): unknown;
  deepCopy(doc: unknown): unknown;
};
/** NeDB's own modify, taken before the patch is installed. */
const nedbModify = model.modify.bind(model);

/** NeDB's answer: the document, or the error it throws. */
const nedb = (doc: unknown, update: Record<string, unknown>): { doc: unknown } | { error: string } => {
  try {
    return { doc: nedbModify(model.deepCopy(doc), update) };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const T0 = new Date('2026-03-02T10:00:00.000Z');

describe('applying simple updates without a deep copy', () => {
  it('makes of our documents exactly what NeDB makes, key order included, leaving the stored one as it was', () => {
    const message = notificationToDocument(makeNotification({ caseId: null, stream: 'reply|slack:dm:U1', turn: 't' }));
    const entry = inboxEntryToDocument(makeInboxEntry());
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [message, claimUpdate('w', new Date(T0.getTime() + 60_000), T0)],
      [message, sentUpdate(T0)],
      [message, rescheduleUpdate(T0, 'HTTP 503')],
      [message, expireClaimUpdate(T0)],
      [entry, inboxDoneUpdate(T0, 'processed')],
    ];
    for (const [doc, update] of cases) {
      const before = JSON.stringify(doc);
      const made = shallowModify(doc, update);
      expect(made).not.toBeNull();
      expect(JSON.stringify(made)).toBe(JSON.stringify((nedb(doc, update) as { doc: unknown }).doc));
      expect(made).toEqual((nedb(doc, update) as { doc: unknown }).doc);
      expect(JSON.stringify(doc)).toBe(before);
    }
  });

  it('agrees with NeDB, or leaves it to NeDB, over many generated documents and updates', () => {
    let seed = 11;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const fields = ['a', 'b', 'n', 'nested', 'list', '_id', 'a.b', '$x', '0', ''];
    const values = [0, 2.5, 'text', null, undefined, true, new Date(0), { deep: 1 }, [1, 2], '7'];
    const modifiers = ['$set', '$unset', '$inc', '$inc', '$push', '$min', 'plain'];
    let applied = 0;
    for (let i = 0; i < 4000; i += 1) {
      const doc: Record<string, unknown> = { _id: `d${i}`, nested: { x: [1, { y: 2 }] }, list: [1] };
      for (let k = next(4); k > 0; k -= 1) doc[fields[next(4)]!] = values[next(values.length)];
      const update: Record<string, unknown> = {};
      for (let m = 1 + next(3); m > 0; m -= 1) {
        const part: Record<string, unknown> = {};
        for (let k = 1 + next(2); k > 0; k -= 1) part[fields[next(fields.length)]!] = values[next(values.length)];
        update[modifiers[next(modifiers.length)]!] = part;
      }
      const before = JSON.stringify(doc);
      const expected = nedb(doc, update);
      const made = shallowModify(doc, update);
      expect(JSON.stringify(doc)).toBe(before);
      if (made === null) continue;
      applied += 1;
      expect(expected).toHaveProperty('doc');
      const { doc: nedbDoc } = expected as { doc: unknown };
      expect(made).toEqual(nedbDoc);
      expect(Object.keys(made)).toEqual(Object.keys(nedbDoc as object));
    }
    expect(applied).toBeGreaterThan(300);
  });

  it('is what NeDB calls for an update (an upgrade that changes this fails here), and reads stay as they were', async () => {
    installShallowModify();
    const patched = model.modify;
    let calls = 0;
    model.modify = (doc, update) => {
      calls += 1;
      return patched(doc, update);
    };
    try {
      const c = await openCollection(undefined, 'things', [], ['status']);
      await c.insertAsync({ _id: 'a', status: 'pending', message: { text: 'hej', list: [1] }, attempts: 0 } as never);
      const read = await c.findOneAsync({ _id: 'a' });
      await c.updateAsync({ _id: 'a' }, { $set: { status: 'sent' }, $inc: { attempts: 1 } }, {});
      await c.updateAsync({ _id: 'a' }, { $unset: { message: true } }, {});
      expect(calls).toBe(2);
      expect(await c.findOneAsync({ _id: 'a' })).toEqual({ _id: 'a', status: 'sent', attempts: 1 });
      expect(await c.findAsync({ status: 'pending' })).toEqual([]);
      expect(read).toEqual({ _id: 'a', status: 'pending', message: { text: 'hej', list: [1] }, attempts: 0 });
      // NeDB's refusals stay its own.
      await expect(c.updateAsync({ _id: 'a' }, { $inc: { status: 1 } }, {})).rejects.toThrow(/non-number/);
      await expect(c.updateAsync({ _id: 'a' }, { $set: { _id: 'b' } }, {})).rejects.toThrow(/_id/);
    } finally {
      model.modify = patched;
    }
  });

  it('keeps a document V8 stores compactly after $unset', () => {
    const result = spawnSync(
      process.execPath,
      ['--allow-natives-syntax', '--import', 'tsx', join(__dirname, 'shallow-modify-probe.ts'), '--shallow'],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`probe failed: ${result.stderr}`);
    const out = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    expect(out.unsetCompact).toBe(true);
    expect(out.unsetDoc).toEqual({ _id: 'unset', status: 'sent', n: 1 });
  });
});
