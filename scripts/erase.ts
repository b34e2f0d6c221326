/**
 * `npm run erase -- --person <user id>`: erases a person's data on request (GDPR Art. 17): every case they reported
 * or were the exposed person of is anonymised (the statistics fields stay, the report, names and the case's data key
 * go), their unfinished report is removed and their profile emptied. Written to the append-only audit log.
 * `npm run erase -- --retention [--at <ISO time>]`: runs the retention sweep now (closed cases older than
 * RETENTION_MONTHS). Prints case numbers and counts, never what was erased.
 */
import { createVaktpost, type VaktpostOptions } from '../main';
import { isVaktpostError, VaktpostError } from '../src/domain/errors';
import { createConsoleLogger } from '../src/ports/logger';

const USAGE = 'usage: npm run erase -- --person <user id, e.g. slack:U0123ABCD>  |  --retention [--at <ISO time>]';

/** Runs what the command line asks; returns the lines it printed. */
export async function erase(
  argv: string[],
  options: VaktpostOptions = {},
  print: (line: string) => void = (line) => console.log(line),
): Promise<string[]> {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const person = value('--person');
  const retention = argv.includes('--retention');
  const at = value('--at');
  if ((person === undefined) === !retention || (at !== undefined && Number.isNaN(Date.parse(at)))) {
    throw new VaktpostError('input.invalid', USAGE);
  }
  const vaktpost = await createVaktpost({
    ...options,
    logger: options.logger ?? createConsoleLogger('warn'),
    listen: false,
    schedule: false,
    dispatchIntervalMs: 0,
  });
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    print(line);
  };
  try {
    const now = at ? new Date(at) : new Date();
    if (person !== undefined) {
      const entry = await vaktpost.privacy.retention.erasePerson(person, 'operator', now);
      say(
        `Erased ${person}: ${entry.cases.length} cases anonymised (${entry.cases.join(', ') || 'none'}), ` +
          `${entry.sessions} unfinished reports removed. Recorded in the audit log.`,
      );
    } else {
      const outcome = await vaktpost.privacy.retention.sweep(now);
      say(
        outcome.skipped
          ? 'Another process is running the retention sweep right now.'
          : `Retention: ${outcome.anonymised.length} closed cases anonymised (${outcome.anonymised.join(', ') || 'none'}).`,
      );
    }
    return lines;
  } finally {
    await vaktpost.close();
  }
}

if (require.main === module) {
  erase(process.argv.slice(2)).catch((error: unknown) => {
    console.error(isVaktpostError(error) ? `\n${error.message}\n` : error);
    process.exit(1);
  });
}
