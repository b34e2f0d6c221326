import { randomBytes } from 'node:crypto';
import { freshStoresPerTest, type MakeStores } from './harness';

/** Blobs: what is put comes back byte for byte, survives a restart, and is gone once deleted. */
export function blobContract(makeStores: MakeStores): void {
  const { current, harness } = freshStoresPerTest(makeStores);

  it('gives back exactly the bytes put, for a large binary file too', async () => {
    const small = Buffer.from('en skärmbild', 'utf8');
    const large = randomBytes(3 * 1024 * 1024);
    await current().blobs.put('blob-small-1', small);
    await current().blobs.put('blob-large-1', large);
    expect((await current().blobs.get('blob-small-1'))?.equals(small)).toBe(true);
    expect((await current().blobs.get('blob-large-1'))?.equals(large)).toBe(true);
    expect(await current().blobs.ids()).toEqual(['blob-large-1', 'blob-small-1']);
  });

  it('answers null for a blob that is not there, and deleting twice is harmless', async () => {
    expect(await current().blobs.get('blob-missing')).toBeNull();
    await current().blobs.put('blob-gone-01', Buffer.from([1, 2, 3]));
    await current().blobs.delete('blob-gone-01');
    await current().blobs.delete('blob-gone-01');
    expect(await current().blobs.get('blob-gone-01')).toBeNull();
    expect(await current().blobs.ids()).toEqual([]);
  });

  it('refuses an id that could name a path', async () => {
    await expect(current().blobs.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow(/blob id/);
  });

  it('keeps blobs over a restart', async () => {
    await current().blobs.put('blob-kept-01', Buffer.from('kvar'));
    await current().close();
    const reopened = await harness().reopen();
    expect((await reopened.blobs.get('blob-kept-01'))?.toString('utf8')).toBe('kvar');
  });
}
