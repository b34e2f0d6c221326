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
function freshNonce(): Buffer {
  if (poolAt + NONCE_BYTES > POOL_BYTES) {
    randomFillSync(pool);
    poolAt = 0;
  }
  // A copy: the pool's bytes are overwritten later, the nonce must stay as it was.
  const nonce = Buffer.from(pool.subarray(poolAt, poolAt + NONCE_BYTES));
  poolAt += NONCE_BYTES;
  return nonce;
}

/** A fresh random 256-bit key. */
export const newKey = (): Buffer => randomBytes(32);

/**
 * Encrypts `plaintext` under `key`, binding `aad` (e.g. `case:<id>/report`): a sealed value copied to another case or
 * field fails to open instead of showing one case's report in another.
 */
export function seal(key: Buffer, plaintext: Buffer | string, aad: string): string {
  const nonce = freshNonce();
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url');
}

/** True when `value` looks like something {@link seal} produced. */
export const isSealed = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX);

/**
 * Decrypts what {@link seal} produced. A wrong key, another `aad` or a changed byte throw `crypto.key_invalid`
 * (`what` names the value, never its content), so nothing is ever read as garbage.
 */
export function open(key: Buffer, sealed: string, aad: string, what: string): Buffer {
  if (!isSealed(sealed)) throw new VaktpostError('crypto.key_invalid', `${what} is not an encrypted value.`);
  const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
  if (raw.length < NONCE_BYTES + TAG_BYTES) {
    throw new VaktpostError('crypto.key_invalid', `${what} is truncated.`);
  }
  const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    // Not ignored: GCM's only answer to a wrong key or changed data is this failure, turned into a clear error.
    throw new VaktpostError('crypto.key_invalid', `${what} cannot be decrypted: wrong key, or the data was changed.`);
  }
}

/** Like {@link seal}, for files: bytes in, bytes out (nonce, tag, ciphertext), without base64's third more. */
export function sealBytes(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const nonce = freshNonce();
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

/** Opens what {@link sealBytes} produced; the same clear `crypto.key_invalid` errors as {@link open}. */
export function openBytes(key: Buffer, sealed: Buffer, aad: string, what: string): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new VaktpostError('crypto.key_invalid', `${what} is truncated.`);
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    // Not ignored: GCM's only answer to a wrong key or changed data is this failure, turned into a clear error.
    throw new VaktpostError('crypto.key_invalid', `${what} cannot be decrypted: wrong key, or the data was changed.`);
  }
}
