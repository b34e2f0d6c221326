import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { VaktpostError } from '../../domain/errors';

/** Held while a process uses a data folder; `release` gives it up (on close). */
export interface DataDirLock {
  release(): Promise<void>;
}

/** Who holds the folder, written beside the lock so a second process can say who is running. */
interface Holder {
  pid: number;
  host: string;
  startedAt: string;
}

const LOCK_NAME = '.vaktpost.lock';
const HOLDER_FILE = 'vaktpost-process.json';

/** True while a process with this id runs on this machine (EPERM: it runs, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holderOf(dataDir: string): Promise<Holder | null> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, HOLDER_FILE), 'utf8')) as Partial<Holder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt ?? '?') };
  } catch {
    // No file (yet) or half written: nobody to name, the lock's own staleness decides.
    return null;
  }
}

/**
 * Takes the data folder for this process alone (proper-lockfile: an atomic mkdir, refreshed every 2 s, stale after
 * 10 s without a refresh). NeDB serialises writes only within one process, so a second writer would overwrite the
 * first one's revisions. A lock whose holder is known to be gone (same machine, process id no longer running: a kill
 * -9) is taken over at once rather than after the 10 s, so a restart after a crash is immediate.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const options = { realpath: false, lockfilePath: join(dataDir, LOCK_NAME), stale: 10_000, update: 2_000 };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const holder = await holderOf(dataDir);
    if (!holder || holder.host !== hostname() || alive(holder.pid) || holder.pid === process.pid) {
      const who = holder ? `process ${holder.pid} on ${holder.host}, started ${holder.startedAt}` : 'another process';
      throw new VaktpostError(
        'store.locked',
        `The data folder ${dataDir} is in use by ${who}. Only one Vaktpost process may use an embedded data folder: ` +
          'stop the other one first. The running server already sends the reminders and escalations itself; for ' +
          'several instances, use MongoDB (MONGODB_URI).',
        { dataDir, ...(holder ? { pid: holder.pid } : {}) },
      );
    }
    // The dead holder's lock directory goes; if another restarted process was quicker, this lock() fails (mkdir is
    // atomic) and names it. (Only within the few milliseconds before a new holder writes its file could two
    // restarts both take over; starting two processes on one folder at the same instant is not protected.)
    await rm(options.lockfilePath, { recursive: true, force: true });
    release = await lockfile.lock(dataDir, options);
  }
  const holder: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  await writeFile(join(dataDir, HOLDER_FILE), `${JSON.stringify(holder)}\n`);
  return {
    async release() {
      await rm(join(dataDir, HOLDER_FILE), { force: true });
      await release();
    },
  };
}
