import type { DirectoryData } from './schema';

/** Finds platform accounts by e-mail address (Slack: users.lookupByEmail). */
export interface AccountLookup {
  /** The platform name the accounts belong to (`slack`). */
  platform: string;
  /**
   * The account of each address the platform knows; addresses it does not know are left out. Throws when the
   * platform cannot be asked at all (e.g. a missing scope), so a partial answer is never taken for "not found".
   */
  lookupByEmail(emails: string[]): Promise<Map<string, string>>;
  /**
   * True when the platform learns addresses as people write (Teams asks the Bot Connector on a first message): an
   * address not found yet is then no mistake in the file, only someone who has not written.
   */
  learnsOnFirstMessage?: boolean;
}

/** What resolving the directory's e-mail addresses did on one platform. */
export interface EmailResolution {
  platform: string;
  /** Person ids whose account was found by e-mail. */
  found: string[];
  /** Person ids named by e-mail whom the platform does not know (wrong address, or not in the workspace). */
  notFound: string[];
  /** The platform learns addresses as people write: `notFound` are those who have not written yet. */
  learnsOnFirstMessage?: boolean;
}

const normal = (email: string): string => email.trim().toLowerCase();

/**
 * The directory with accounts filled in from e-mail addresses: a person with an `email` and no account on the
 * platform gets the account the platform has for that address. Accounts written in the file always win, so an
 * admin can pin one. Pure: the lookup's answer comes in, the directory to put in force comes out.
 */
export function withEmailAccounts(
  data: DirectoryData,
  platform: string,
  accounts: Map<string, string>,
): { data: DirectoryData; resolution: EmailResolution } {
  const byEmail = new Map([...accounts].map(([email, account]) => [normal(email), account]));
  const taken = new Set(data.people.map((p) => p.accounts[platform]).filter((a): a is string => a !== undefined));
  const found: string[] = [];
  const notFound: string[] = [];
  const people = data.people.map((person) => {
    if (!person.email || person.accounts[platform] !== undefined) return person;
    const account = byEmail.get(normal(person.email));
    // An account the file already gives someone else is not handed to a second person.
    if (account === undefined || taken.has(account)) {
      notFound.push(person.id);
      return person;
    }
    taken.add(account);
    found.push(person.id);
    return { ...person, accounts: { ...person.accounts, [platform]: account } };
  });
  return { data: { ...data, people }, resolution: { platform, found, notFound } };
}

/** The addresses to look up on a platform: people named by e-mail without an account there. */
export function emailsToLookUp(data: DirectoryData, platform: string): string[] {
  return data.people.filter((p) => p.email && p.accounts[platform] === undefined).map((p) => normal(p.email ?? ''));
}

/** Resolves every lookup in turn; the resolutions say who was found and who was not, per platform. */
export async function resolveEmailAccounts(
  data: DirectoryData,
  lookups: AccountLookup[],
): Promise<{ data: DirectoryData; resolutions: EmailResolution[] }> {
  let current = data;
  const resolutions: EmailResolution[] = [];
  for (const lookup of lookups) {
    const emails = emailsToLookUp(current, lookup.platform);
    if (emails.length === 0) continue;
    const result = withEmailAccounts(current, lookup.platform, await lookup.lookupByEmail(emails));
    current = result.data;
    resolutions.push(
      lookup.learnsOnFirstMessage ? { ...result.resolution, learnsOnFirstMessage: true } : result.resolution,
    );
  }
  return { data: current, resolutions };
}
