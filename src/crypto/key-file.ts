import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { VaktpostError } from '../domain/errors';
import { newKey } from './aead';
import { Keyring, masterKey } from './keyring';

/** The key file: master keys oldest first; the last one wraps new data keys. */
const keyFileSchema = z.object({
  keys: z
    .array(z.object({ id: z.string(), key: z.string(), createdAt: z.string().optional() }))
    .min(1, 'must hold at least one key'),
});
type KeyFile = z.infer<typeof keyFileSchema>;

const exists = async (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Reads the key file; a missing, unreadable or malformed file stops start-up with what to fix. */
export async function readKeyFile(path: string): Promise<Keyring> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new VaktpostError(
      'crypto.key_missing',
      `Cannot read the key file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}). ` +
        'Restore it from where you keep it, or point VAKTPOST_KEY_FILE at it; nothing was changed.',
    );
  }
  let parsed: KeyFile;
  try {
    parsed = keyFileSchema.parse(JSON.parse(text));
  } catch {
    throw new VaktpostError(
      'config.invalid',
      `The key file ${path} is not valid: it must be JSON {"keys":[{"id":"…","key":"<base64 of 32 bytes>"}]}.`,
    );
  }
  return new Keyring(parsed.keys.map((k) => masterKey(k.id, k.key, `key file ${path}`)));
}

/** Writes the key file atomically with mode 0600 (its folder 0700), so no other local user can read it. */
async function writeKeyFile(path: string, file: KeyFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'w' });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

const entry = (id: string, now: Date) => ({
  id,
  key: newKey().toString('base64'),
  createdAt: now.toISOString(),
});

/** Reads the key file, creating it with one new key when it does not exist; `created` says which happened. */
export async function readOrCreateKeyFile(path: string, now: Date): Promise<{ keyring: Keyring; created: boolean }> {
  if (await exists(path)) return { keyring: await readKeyFile(path), created: false };
  await writeKeyFile(path, { keys: [entry(keyIdFor(now, []), now)] });
  return { keyring: await readKeyFile(path), created: true };
}

/** Adds a new newest key to the key file (rotation); older keys stay so existing data keys still unwrap. */
export async function addKeyToFile(path: string, now: Date): Promise<Keyring> {
  const current = await readKeyFile(path);
  const file: KeyFile = {
    keys: [
      ...current.keys.map((k) => ({ id: k.id, key: k.key.toString('base64') })),
      entry(keyIdFor(now, current.ids()), now),
    ],
  };
  await writeKeyFile(path, file);
  return readKeyFile(path);
}

/** Removes keys no longer needed after a rotation (the operator asked for it with --retire). */
export async function retireKeysInFile(path: string, keep: string[]): Promise<Keyring> {
  const current = await readKeyFile(path);
  await writeKeyFile(path, {
    keys: current.keys.filter((k) => keep.includes(k.id)).map((k) => ({ id: k.id, key: k.key.toString('base64') })),
  });
  return readKeyFile(path);
}

/** `k20261201` style ids, with a suffix when a key was already made that day. */
function keyIdFor(now: Date, taken: string[]): string {
  const base = `k${now.toISOString().slice(0, 10).replace(/-/g, '')}`;
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-${n}`;
  return id;
}
