import { VaktpostError } from '../domain/errors';
import { newKey } from './aead';

/** One master key: an id chosen by the operator (stored beside everything it wraps) and 32 random bytes. */
export interface MasterKey {
  readonly id: string;
  readonly key: Buffer;
}

/** Master keys that wrap the data keys: the newest wraps, every one listed can still unwrap. */
export class Keyring {
  private readonly byId: Map<string, MasterKey>;

  constructor(readonly keys: readonly MasterKey[]) {
    if (keys.length === 0) throw new VaktpostError('crypto.key_missing', 'The keyring holds no master key.');
    this.byId = new Map(keys.map((k) => [k.id, k]));
    if (this.byId.size !== keys.length) {
      throw new VaktpostError('config.invalid', 'Two master keys have the same id; give every key its own id.');
    }
  }

  /** The key new data keys are wrapped with: the last one listed. */
  get current(): MasterKey {
    return this.keys[this.keys.length - 1] as MasterKey;
  }

  /** The key with this id; `crypto.key_missing` naming the id when it is not in the keyring. */
  get(id: string): MasterKey {
    const found = this.byId.get(id);
    if (found === undefined) {
      throw new VaktpostError(
        'crypto.key_missing',
        `Data was encrypted with master key "${id}", which is not in the keyring (${this.ids().join(', ')}). ` +
          'Add that key back to VAKTPOST_MASTER_KEYS or the key file; nothing was changed.',
        { keyId: id },
      );
    }
    return found;
  }

  ids(): string[] {
    return this.keys.map((k) => k.id);
  }
}

const KEY_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** A master key from its id and base64 text; says what to fix when either is wrong. */
export function masterKey(id: string, base64: string, source: string): MasterKey {
  if (!KEY_ID.test(id)) {
    throw new VaktpostError(
      'config.invalid',
      `${source}: the key id "${id.slice(0, 40)}" must be 1–40 letters, digits, "-" or "_".`,
    );
  }
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32 || key.toString('base64').replace(/=+$/, '') !== base64.trim().replace(/=+$/, '')) {
    throw new VaktpostError(
      'config.invalid',
      `${source}: key "${id}" must be 32 random bytes in base64 (make one with: openssl rand -base64 32).`,
    );
  }
  return { id, key };
}

/**
 * Parses `VAKTPOST_MASTER_KEYS`: `id:base64key` entries separated by commas, oldest first, e.g.
 * `2026a:…,2026b:…` (2026b wraps new data keys, 2026a still unwraps old ones).
 */
export function parseMasterKeys(text: string): Keyring {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const keys = entries.map((entry) => {
    const colon = entry.indexOf(':');
    if (colon <= 0) {
      throw new VaktpostError(
        'config.invalid',
        'VAKTPOST_MASTER_KEYS: every entry must be id:base64key (e.g. 2026a:<openssl rand -base64 32>).',
      );
    }
    return masterKey(entry.slice(0, colon), entry.slice(colon + 1), 'VAKTPOST_MASTER_KEYS');
  });
  return new Keyring(keys);
}

/** A keyring of one fresh key, for in-memory stores that keep nothing after the process ends. */
export const ephemeralKeyring = (): Keyring => new Keyring([{ id: 'memory', key: newKey() }]);
