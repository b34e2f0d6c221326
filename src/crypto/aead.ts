import { createCipheriv, createDecipheriv, randomBytes, randomFillSync } from 'node:crypto';
import { VaktpostError } from '../domain/errors';

/** AES-256-GCM with a 96-bit random nonce per message (NIST SP 800-38D); a 128-bit tag authenticates it. */
const ALGORITHM = 'aes-256-gcm';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Version prefix of every sealed string, so the format can change on purpose later. */
const PREFIX = 'v1.';

/**
 * Random bytes for nonces, drawn from the CSPRNG 4 KiB at a time: one `randomBytes(12)` per seal cost some 10 µs of
 * a busy process (a system call and an allocation each), about 1 % of a DM's CPU. Every byte is handed out once
 * and then overwritten by the next refill, so the nonces are as random as before and never repeat by reuse.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolAt = POOL_BYTES;
/**
 * The next nonce, as a view of the pool: only valid until the next call, so the caller hands it to `createCipheriv`
 * (which copies it) and copies it into its output at once, rather than allocating a copy of its own.
 */
function freshNonce(): Buffer {
  if (poolAt + NONCE_BYTES > POOL_BYTES) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const nonce = pool.subarray(poolAt, poolAt + NONCE_BYTES);
  poolAt += NONCE_BYTES;
  return nonce;
}

/** Nonce, tag and ciphertext in one buffer, allocated once (two `Buffer.concat` copies per seal before). */
function sealRaw(key: Buffer, plaintext: Buffer | string, aad: string): Buffer {
  const nonce = freshNonce();
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = typeof plaintext === 'string' ? cipher.update(plaintext, 'utf8') : cipher.update(plaintext);
  // GCM is a stream mode: `final` only computes the tag, but its bytes are taken all the same should it give any.
  const tail = cipher.final();
  const out = Buffer.allocUnsafe(NONCE_BYTES + TAG_BYTES + body.length + tail.length);
  nonce.copy(out, 0);
  cipher.getAuthTag().copy(out, NONCE_BYTES);
  body.copy(out, NONCE_BYTES + TAG_BYTES);
  tail.copy(out, NONCE_BYTES + TAG_BYTES + body.length);
  return out;
}

/** Decrypts nonce, tag and ciphertext; a wrong key or changed byte throws the clear `crypto.key_invalid`. */
function openRaw(key: Buffer, raw: Buffer, aad: string, what: string): Buffer {
  if (raw.length < NONCE_BYTES + TAG_BYTES) throw new VaktpostError('crypto.key_invalid', `${what} is truncated.`);
  const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  try {
    const body = decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES));
    const tail = decipher.final();
    return tail.length === 0 ? body : Buffer.concat([body, tail]);
  } catch {
    // Not ignored: GCM's only answer to a wrong key or changed data is this failure, turned into a clear error.
    throw new VaktpostError('crypto.key_invalid', `${what} cannot be decrypted: wrong key, or the data was changed.`);
  }
}

/** A fresh random 256-bit key. */
export const newKey = (): Buffer => randomBytes(32);

/**
 * Encrypts `plaintext` under `key`, binding `aad` (e.g. `case:<id>/report`): a sealed value copied to another case or
 * field fails to open instead of showing one case's report in another.
 */
export function seal(key: Buffer, plaintext: Buffer | string, aad: string): string {
  return PREFIX + sealRaw(key, plaintext, aad).toString('base64url');
}

/** True when `value` looks like something {@link seal} produced. */
export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX);

/**
 * Decrypts what {@link seal} produced. A wrong key, another `aad` or a changed byte throw `crypto.key_invalid`
 * (`what` names the value, never its content), so nothing is ever read as garbage.
 */
export function open(key: Buffer, sealed: string, aad: string, what: string): Buffer {
  if (!isSealed(sealed)) throw new VaktpostError('crypto.key_invalid', `${what} is not an encrypted value.`);
  return openRaw(key, Buffer.from(sealed.slice(PREFIX.length), 'base64url'), aad, what);
}

/** Like {@link seal}, for files: bytes in, bytes out (nonce, tag, ciphertext), without base64's third more. */
export function sealBytes(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  return sealRaw(key, plaintext, aad);
}

/** Opens what {@link sealBytes} produced; the same clear `crypto.key_invalid` errors as {@link open}. */
export function openBytes(key: Buffer, sealed: Buffer, aad: string, what: string): Buffer {
  return openRaw(key, sealed, aad, what);
}
