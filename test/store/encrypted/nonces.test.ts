import { newKey, open, openBytes, seal, sealBytes } from '../../../src/crypto/aead';

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

describe('the sealed format', () => {
  // Sealed by the code before seal and open were rewritten to copy less: what is stored stays readable.
  const key = Buffer.alloc(32, 7);
  const stored = 'v1.SdeAcjGQZ8YuX0RrhhyJAkfXShdF-6sBPxqeJVclXSN4XuGfSNae_yHlYhEYUVjj';
  const storedFile = Buffer.from('MjXuzJHEB3Japyvc526j2Yr2OGOx98r50Z1K2b4Pfg==', 'base64');

  it('opens values and files stored by earlier versions, and refuses them under another owner', () => {
    expect(open(key, stored, 'case:c1/report', 'value').toString()).toBe('Hotbrev i brevlådan');
    expect(openBytes(key, storedFile, 'blob:b1', 'file').toString()).toBe('fil');
    expect(() => open(key, stored, 'case:c2/report', 'value')).toThrow(/cannot be decrypted/);
  });

  it('is nonce, tag and ciphertext, and a changed byte anywhere in it is refused', () => {
    const sealed = sealBytes(key, Buffer.from('Hotbrev'), 'test:aad');
    expect(sealed.length).toBe(12 + 16 + 'Hotbrev'.length);
    for (let i = 0; i < sealed.length; i += 1) {
      const changed = Buffer.from(sealed);
      changed[i] = (changed[i] ?? 0) ^ 1;
      expect(() => openBytes(key, changed, 'test:aad', 'file')).toThrow(/cannot be decrypted/);
    }
    expect(() => openBytes(key, sealed.subarray(0, 27), 'test:aad', 'file')).toThrow(/truncated/);
  });
});
