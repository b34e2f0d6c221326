/**
 * `npm run backup -- [--to <folder>]` (in the container: `node dist/scripts/backup.js`): a consistent copy of the
 * embedded store's files while Vaktpost keeps running, checked by opening the copy. Default folder:
 * `./backups/vaktpost-<time>`. With MONGODB_URI set there is nothing to copy here: use mongodump (docs/operations.md).
 *
 * Why a file copy is consistent: NeDB only appends whole lines to a collection's file, and rewrites it (on start
 * and on shutdown) into a new file that is renamed over the old, so reading a file gives either the old or the new
 * one; a line being appended at that moment is the only thing that can be cut, and it is left out. Across files, the
 * order matters: the cases are copied before the counters (so no restored case has a number the counter has not
 * passed) and before the outbox (a notification moved out of a case after the copy of cases is still inside the copied
 * case, and the relay moves it again without sending it twice). The encrypted evidence files (`evidence/`) come last.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createEmbeddedStores } from '../src/store/embedded/create-embedded-stores';

/** Copied last, in this order; everything else first. */
const LAST = ['cases.db', 'counters.db', 'outbox.db'];

/** What one backup wrote. */
export interface BackupResult {
  folder: string;
  files: Array<{ name: string; lines: number; bytes: number }>;
}

/** Copies every `<collection>.db` of `dataDir` into `folder`, then opens the copy to prove it loads. */
export async function backupEmbeddedStore(dataDir: string, folder: string): Promise<BackupResult> {
  const names = (await readdir(dataDir)).filter((name) => name.endsWith('.db'));
  if (!names.includes('cases.db')) {
    throw new Error(`${resolve(dataDir)} holds no Vaktpost data (no cases.db): check DATA_DIR.`);
  }
  const ordered = [...names.filter((n) => !LAST.includes(n)).sort(), ...LAST.filter((n) => names.includes(n))];
  await mkdir(folder, { recursive: true });
  if ((await readdir(folder)).some((name) => name.endsWith('.db'))) {
    throw new Error(`${resolve(folder)} already holds a backup; choose an empty folder.`);
  }
  const files: BackupResult['files'] = [];
  for (const name of ordered) {
    const text = await readFile(join(dataDir, name), 'utf8');
    // Keep whole lines only: a line without its newline was still being appended.
    const whole = text.slice(0, text.lastIndexOf('\n') + 1);
    await writeFile(join(folder, name), whole, { flag: 'wx' });
    files.push({ name, lines: whole === '' ? 0 : whole.split('\n').length - 1, bytes: Buffer.byteLength(whole) });
  }
  // The evidence copies last: every file a copied case names was written before the case was, so it is there.
  const evidence = join(dataDir, 'evidence');
  const blobs = (await readdir(evidence).catch(() => [] as string[])).filter((name) => name.endsWith('.bin'));
  if (blobs.length > 0) await mkdir(join(folder, 'evidence'), { recursive: true, mode: 0o700 });
  for (const name of blobs) {
    const bytes = await readFile(join(evidence, name)).catch(() => null);
    // Gone since the listing: erased meanwhile, and so rightly not in the backup.
    if (bytes === null) continue;
    await writeFile(join(folder, 'evidence', name), bytes, { flag: 'wx', mode: 0o600 });
    files.push({ name: `evidence/${name}`, lines: 0, bytes: bytes.length });
  }
  // Opening the copy runs the same load as a start, which refuses any damaged line: a backup that opens restores.
  const copy = await createEmbeddedStores({ dataDir: folder });
  await copy.close();
  return { folder: resolve(folder), files };
}

function parseTo(argv: string[]): string | null {
  if (argv.length === 0) return null;
  if (argv[0] === '--to' && argv[1] && argv.length === 2) return argv[1];
  throw new Error('usage: npm run backup -- [--to <empty folder>]');
}

if (require.main === module) {
  void (async () => {
    try {
      if (process.env.MONGODB_URI?.trim()) {
        throw new Error('MONGODB_URI is set: back up MongoDB with mongodump (see docs/operations.md).');
      }
      const dataDir = process.env.DATA_DIR?.trim() || './data';
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const folder = parseTo(process.argv.slice(2)) ?? join('backups', `vaktpost-${stamp}`);
      const result = await backupEmbeddedStore(dataDir, folder);
      for (const f of result.files) console.log(`  ${f.name}: ${f.lines} lines, ${f.bytes} bytes`);
      console.log(`Backup written to ${result.folder} and checked: it opens as a Vaktpost store.`);
    } catch (error) {
      console.error(`Backup failed: ${(error as Error).message}`);
      process.exit(1);
    }
  })();
}
