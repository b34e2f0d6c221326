import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeAppendHandles, installAppendHandles } from '../../src/store/embedded/append-handles';
import { openCollection } from '../../src/store/embedded/datastore';

/**
 * The embedded store appends through one open handle per data file (src/store/embedded/append-handles.ts). What
 * must never happen: a write after NeDB rewrote the file (compaction writes a new file and renames it over the old)
 * going to the old, unlinked file, where it would be lost at the next start.
 */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vaktpost-append-'));
  installAppendHandles();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const idsOnDisk = async (name: string): Promise<string[]> =>
  (await readFile(join(dir, `${name}.db`), 'utf8'))
    .split('\n')
    .filter((line) => line.startsWith('{"_id"'))
    .map((line) => (JSON.parse(line) as { _id: string })._id);

const openFiles = async (): Promise<number> => (await readdir('/proc/self/fd')).length;

describe('appending through a kept handle', () => {
  it('writes after a compaction into the new file, and a fresh load finds every document', async () => {
    const things = await openCollection(dir, 'things');
    await things.insertAsync({ _id: 'a', n: 1 });
    await things.compactDatafileAsync();
    await things.insertAsync({ _id: 'b', n: 2 });
    await things.updateAsync({ _id: 'a' }, { $set: { n: 3 } }, {});
    await things.compactDatafileAsync();
    await things.insertAsync({ _id: 'c', n: 4 });

    expect(await idsOnDisk('things')).toEqual(['a', 'b', 'c']);
    const reloaded = await openCollection(dir, 'things');
    const docs = await reloaded.findAsync({}).sort({ _id: 1 });
    expect(docs.map((d) => [d._id, (d as unknown as { n: number }).n])).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 4],
    ]);
  });

  it('keeps one handle per file while writing and none once closed', async () => {
    const before = await openFiles();
    const things = await openCollection(dir, 'things');
    for (let i = 0; i < 50; i += 1) await things.insertAsync({ _id: `t${i}` });
    expect(await openFiles()).toBe(before + 1);
    await closeAppendHandles([join(dir, 'things.db')]);
    expect(await openFiles()).toBe(before);
    await things.insertAsync({ _id: 'after' });
    expect(await idsOnDisk('things')).toContain('after');
    await closeAppendHandles([join(dir, 'things.db')]);
  });
});
