/**
 * `npm run rotate-keys -- [--no-new-key] [--retire]`: re-wraps every data key with the newest master key.
 *
 * With a key file (VAKTPOST_KEY_FILE, or the embedded store's default), a new master key is added to the file first
 * (unless --no-new-key). With VAKTPOST_MASTER_KEYS, add the new key at the end of the list yourself, then run this.
 * Every data key is unwrapped before the first write, so a wrong or missing key stops it with nothing changed.
 * `--retire` then removes the older keys from the key file (or names the ids to drop from VAKTPOST_MASTER_KEYS):
 * backups taken before the rotation can only be read with those old keys, so keep or destroy them on purpose.
 * Prints counts and key ids, never a key.
 */
import { addKeyToFile, readKeyFile, retireKeysInFile } from '../src/crypto/key-file';
import { parseMasterKeys, type Keyring } from '../src/crypto/keyring';
import { defaultKeyFile } from '../src/crypto/resolve-keyring';
import { loadConfig } from '../src/config/config';
import { isVaktpostError, VaktpostError } from '../src/domain/errors';
import { openBackend } from '../src/store/create-stores';
import { DataKeys } from '../src/store/encrypted/data-keys';
import { EncryptedCaseRepository } from '../src/store/encrypted/encrypted-case-repository';

const USAGE = 'usage: npm run rotate-keys -- [--no-new-key] [--retire]';

/** What a rotation did. */
export interface RotationOutcome {
  keyId: string;
  rewrapped: number;
  total: number;
  /** Key ids no data key needs any more. */
  unused: string[];
}

/** Rotates with the configuration in `env`; prints what it did. */
export async function rotateKeys(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  print: (line: string) => void = (line) => console.log(line),
): Promise<RotationOutcome> {
  const unknown = argv.filter((a) => a !== '--no-new-key' && a !== '--retire');
  if (unknown.length > 0) throw new VaktpostError('input.invalid', `unknown argument "${unknown[0]}"\n${USAGE}`);
  const newKey = !argv.includes('--no-new-key');
  const retire = argv.includes('--retire');
  const config = loadConfig(env);
  const mongo = config.MONGODB_URI !== undefined;
  const fromEnv = config.VAKTPOST_MASTER_KEYS;
  const keyFile = config.VAKTPOST_KEY_FILE ?? (mongo ? undefined : defaultKeyFile(config.DATA_DIR));
  if (fromEnv === undefined && keyFile === undefined) {
    throw new VaktpostError(
      'crypto.key_missing',
      'Set VAKTPOST_MASTER_KEYS or VAKTPOST_KEY_FILE: there is nothing to rotate.',
    );
  }
  const current: Keyring = fromEnv !== undefined ? parseMasterKeys(fromEnv) : await readKeyFile(keyFile as string);
  const backend = await openBackend({
    ...(config.MONGODB_URI === undefined ? {} : { mongodbUri: config.MONGODB_URI }),
    ...(config.MONGODB_DB === undefined ? {} : { mongodbDb: config.MONGODB_DB }),
    dataDir: config.DATA_DIR,
  });
  try {
    // Check first: every data key must open with the keys as they are now.
    await new DataKeys(backend.keyValues, backend.leases, current).verifyAll();
    const keyring = fromEnv === undefined && newKey ? await addKeyToFile(keyFile as string, new Date()) : current;
    const dataKeys = new DataKeys(backend.keyValues, backend.leases, keyring);
    const shared = await dataKeys.rewrapAll();
    const cases = await new EncryptedCaseRepository(backend.cases, dataKeys).rewrapAll();
    const rewrapped = shared.rewrapped + cases.rewrapped;
    const total = shared.total + cases.total;
    const unused = keyring.ids().filter((id) => id !== keyring.current.id);
    print(
      `Re-wrapped ${rewrapped} of ${total} data keys with master key ${keyring.current.id} ` +
        `(${cases.rewrapped} cases rewritten, ${shared.rewrapped} shared keys).`,
    );
    if (unused.length > 0 && retire && fromEnv === undefined) {
      await retireKeysInFile(keyFile as string, [keyring.current.id]);
      print(`Removed master keys ${unused.join(', ')} from ${keyFile as string}.`);
    } else if (unused.length > 0) {
      print(
        `No data key needs ${unused.join(', ')} any more. ${
          fromEnv === undefined ? 'Run again with --retire to remove them' : 'Remove them from VAKTPOST_MASTER_KEYS'
        } once you no longer need to read backups taken before now.`,
      );
    }
    return { keyId: keyring.current.id, rewrapped, total, unused };
  } finally {
    await backend.close();
  }
}

if (require.main === module) {
  rotateKeys(process.argv.slice(2)).catch((error: unknown) => {
    console.error(isVaktpostError(error) ? `\nThe keys were not rotated.\n${error.message}\n` : error);
    process.exit(1);
  });
}
