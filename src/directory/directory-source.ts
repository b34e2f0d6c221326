import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { isVaktpostError } from '../domain/errors';
import type { Logger } from '../ports/logger';
import type { Directory } from './directory';
import { resolveEmailAccounts, type AccountLookup, type EmailResolution } from './email-accounts';
import { loadDirectory } from './load-directory';
import type { DirectoryData } from './schema';

/** Where the directory comes from and who can turn its e-mail addresses into accounts. */
export interface DirectorySourceDeps {
  file: string;
  directory: Directory;
  lookups: AccountLookup[];
  logger: Logger;
  /** How often the file is looked at, in ms (default 2000). */
  pollMs?: number;
}

/** Says who was found by e-mail and who was not; person ids only, never the addresses. */
function report(logger: Logger, resolutions: EmailResolution[]): void {
  for (const r of resolutions) {
    if (r.found.length > 0)
      logger.info('directory: accounts found by e-mail', { platform: r.platform, people: r.found.join(', ') });
    if (r.notFound.length > 0 && r.learnsOnFirstMessage) {
      logger.info('directory: not seen yet; recognised from their first message', {
        platform: r.platform,
        people: r.notFound.join(', '),
      });
    } else if (r.notFound.length > 0) {
      logger.warn('directory: e-mail addresses not found; these people are not recognised there until fixed', {
        platform: r.platform,
        people: r.notFound.join(', '),
      });
    }
  }
}

/** Resolves the e-mail addresses of validated directory data and puts it in force. */
export async function applyDirectory(
  data: DirectoryData,
  deps: Pick<DirectorySourceDeps, 'directory' | 'lookups' | 'logger'>,
): Promise<EmailResolution[]> {
  const { data: resolved, resolutions } = await resolveEmailAccounts(data, deps.lookups);
  deps.directory.replace(resolved);
  report(deps.logger, resolutions);
  return resolutions;
}

/**
 * Watches the directory file: an edit is read and validated first and takes effect without a restart; an edit that
 * does not validate is refused with the reason in the log, and the directory in force stays as it was. Polling
 * (fs.watchFile) rather than fs.watch, because editors replace files by rename and container mounts drop events.
 * Returns a function that stops watching.
 */
export function watchDirectoryFile(deps: DirectorySourceDeps): () => void {
  let running: Promise<void> = Promise.resolve();
  const onChange = (now: Stats, before: Stats): void => {
    if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
    running = running.then(async () => {
      try {
        const next = await loadDirectory(deps.file);
        await applyDirectory(next.data, deps);
        deps.logger.info('directory reloaded', { file: deps.file, people: next.data.people.length });
      } catch (error) {
        deps.logger.error('directory change refused; the previous directory stays in force', {
          file: deps.file,
          reason: isVaktpostError(error) ? error.message : (error as Error).message,
        });
      }
    });
  };
  watchFile(deps.file, { interval: deps.pollMs ?? 2000, persistent: false }, onChange);
  return () => unwatchFile(deps.file, onChange);
}
