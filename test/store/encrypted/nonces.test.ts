import { newKey, open, seal, sealBytes } from '../../../src/crypto/aead';

/**
 * AES-GCM is broken by a repeated nonce under one key: the nonces come from a pool of random bytes
 * (src/crypto/aead.ts), and no byte of it may be handed out twice, across refills too.
 */
const nonceOf = (sealed: string): string =>
  Buffer.from(sealed.slice('v1.'.length), 'base64url').subarray(0, 12).toString('hex');

describe('nonces of sealed values', () => {
  it('never repeat over many refills of the pool, and every value still opens', () => {
    const key = newKey();
    const seen = new Set<string>();
    // 4096 / 12 = 341 nonces per refill: this crosses about 30 refills, with files sealed in between.
    for (let i = 0; i < 10_000; i += 1) {
      const sealed = seal(key, 'the same words each time', 'test:aad');
      seen.add(nonceOf(sealed));
      if (i % 500 === 0) {
        expect(open(key, sealed, 'test:aad', 'value').toString()).toBe('the same words each time');
        seen.add(sealBytes(key, Buffer.from('file'), 'test:file').subarray(0, 12).toString('hex'));
      }
    }
    expect(seen.size).toBe(10_000 + 20);
  });

  it('keeps a nonce as it was after the pool is refilled (a value sealed earlier opens later)', () => {
    const key = newKey();
    const first = seal(key, 'early', 'test:aad');
    for (let i = 0; i < 2_000; i += 1) seal(key, 'filler', 'test:aad');
    expect(open(key, first, 'test:aad', 'value').toString()).toBe('early');
  });
});
