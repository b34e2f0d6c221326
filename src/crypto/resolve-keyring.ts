import { join, resolve } from 'node:path';
import { VaktpostError } from '../domain/errors';
import { readKeyFile, readOrCreateKeyFile } from './key-file';
import { ephemeralKeyring, parseMasterKeys, type Keyring } from './keyring';

/** Where the master keys come from (README: VAKTPOST_MASTER_KEYS, VAKTPOST_KEY_FILE). */
export interface KeyringConfig {
  /** VAKTPOST_MASTER_KEYS: `id:base64,…`, oldest first. */
  masterKeys?: string;
  /** VAKTPOST_KEY_FILE: a JSON key file. */
  keyFile?: string;
  /** The embedded store's folder; undefined for MongoDB or an in-memory store. */
  dataDir?: string;
  /** True for MongoDB: there is no safe place to invent a key, so one must be configured. */
  mongo: boolean;
  /** True when the store already holds data keys: then a missing key file is never replaced by a new one. */
  hasDataKeys: () => Promise<boolean>;
}

/** The keyring, where it came from, and a notice for the start-up log when a key file was just created. */
export interface ResolvedKeyring {
  keyring: Keyring;
  source: string;
  notice?: string;
}

/**
 * The default key file of the embedded store: beside its data files, never inside one, in a folder of its own
 * (mode 0700) so a backup can leave it out and keep it elsewhere.
 */
export const defaultKeyFile = (dataDir: string): string => join(resolve(dataDir), 'keys', 'master-keys.json');

/** Finds the master keys; refuses with what to do when none is configured where one must be. */
export async function resolveKeyring(config: KeyringConfig, now: Date): Promise<ResolvedKeyring> {
  if (config.masterKeys !== undefined && config.masterKeys.trim() !== '') {
    return { keyring: parseMasterKeys(config.masterKeys), source: 'VAKTPOST_MASTER_KEYS' };
  }
  const named = config.keyFile !== undefined && config.keyFile.trim() !== '' ? resolve(config.keyFile) : undefined;
  if (named === undefined && config.mongo) {
    throw new VaktpostError(
      'crypto.key_missing',
      'MongoDB needs a master key to encrypt reports: set VAKTPOST_MASTER_KEYS=k1:<openssl rand -base64 32> ' +
        '(or VAKTPOST_KEY_FILE to a key file), keep it apart from the database and its backups.',
    );
  }
  if (named === undefined && config.dataDir === undefined) return { keyring: ephemeralKeyring(), source: 'memory' };
  const path = named ?? defaultKeyFile(config.dataDir as string);
  if (await config.hasDataKeys()) return { keyring: await readKeyFile(path), source: path };
  const { keyring, created } = await readOrCreateKeyFile(path, now);
  return {
    keyring,
    source: path,
    ...(created
      ? {
          notice:
            `Created the master key file ${path} (mode 0600). Everything members report is encrypted with it: ` +
            'keep a copy somewhere safe and apart from the data backups; without it the data cannot be read.',
        }
      : {}),
  };
}
