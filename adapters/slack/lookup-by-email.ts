import type { webApi } from '@slack/bolt';

/**
 * users.lookupByEmail for each address, one at a time (Tier 3: a directory of a few hundred people is read in well
 * under a minute). An address Slack does not know (`users_not_found`) is left out of the answer; any other failure,
 * such as a missing `users:read.email` scope, is thrown, so nobody is reported "not found" because Slack was not asked.
 */
export async function lookupSlackUsersByEmail(
  client: webApi.WebClient,
  emails: string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const email of emails) {
    try {
      const result = await client.users.lookupByEmail({ email });
      if (result.user?.id && !result.user.deleted) found.set(email, result.user.id);
    } catch (error) {
      const code = (error as { data?: { error?: unknown } }).data?.error;
      if (code === 'users_not_found') continue;
      const hint = code === 'missing_scope' ? ': add users:read.email to the app and reinstall it' : '';
      throw new Error(`Slack users.lookupByEmail failed (${String(code ?? (error as Error).message)})${hint}`, {
        cause: error,
      });
    }
  }
  return found;
}
