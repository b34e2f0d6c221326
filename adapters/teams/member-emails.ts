import { TeamsInfo, type CloudAdapter } from 'botbuilder';
import type { IncomingTurn } from '../../src/engine/turn';
import type { Clock } from '../../src/ports/clock';
import type { KeyValueStore } from '../../src/ports/key-value-store';
import type { Logger } from '../../src/ports/logger';
import type { ConversationRefs } from './conversation-refs';

/** Key-value namespace of the e-mail and UPN the Bot Connector gave for each Teams account we asked about. */
export const MEMBER_EMAIL_NAMESPACE = 'teams-member-email';

/** What the connector said about one account. */
interface MemberRecord {
  email?: string;
  upn?: string;
  askedAt: string;
}

/** Someone whose address nobody in the directory wanted is asked about again after a day (the file may change). */
const ASK_AGAIN_MS = 24 * 60 * 60_000;
/** How many accounts' last question time is kept in memory (all forgotten at once beyond that: a guard only). */
const ASKED_CACHE_SIZE = 50_000;

export interface MemberEmailDeps {
  adapter: CloudAdapter;
  appId: string;
  refs: ConversationRefs;
  keyValues: KeyValueStore;
  logger: Logger;
  clock: Clock;
}

const normal = (value: string): string => value.trim().toLowerCase();

/**
 * People the directory names only by e-mail get their Teams account when they first write: an activity carries the
 * Entra object id but no address, so the Bot Connector is asked for the member (`GET /v3/conversations/{id}/members/
 * {userId}`, as `TeamsInfo.getMember` does) and answers with the e-mail and UPN. What it said is kept, so the
 * directory's Teams lookup (`lookupByEmail`) finds the account again after a restart or a reload of the file.
 */
export function createMemberEmails(deps: MemberEmailDeps) {
  /**
   * When this process last saw each account asked about (from the store or by asking), so a turn of someone asked
   * about today reads nothing: one sealed store read per turn saved while the directory names anyone by e-mail.
   */
  const askedAt = new Map<string, number>();
  const remember = (accountId: string, at: number): void => {
    if (askedAt.size >= ASKED_CACHE_SIZE) askedAt.clear();
    askedAt.set(accountId, at);
  };

  /** Asks about the turn's sender when some wanted address is still unbound; true when one of them is theirs. */
  async function learn(turn: IncomingTurn, wanted: string[]): Promise<boolean> {
    if (wanted.length === 0) return false;
    const accountId = turn.user.id.slice('teams:'.length);
    const now = deps.clock.now();
    const recent = (at: number | undefined): boolean => at !== undefined && now.getTime() - at < ASK_AGAIN_MS;
    if (recent(askedAt.get(accountId))) return false;
    const known = await deps.keyValues.get<MemberRecord>(MEMBER_EMAIL_NAMESPACE, accountId);
    if (known) remember(accountId, Date.parse(known.askedAt));
    if (recent(askedAt.get(accountId))) return false;
    const reference = await deps.refs.get(turn.isDirect ? turn.address : (turn.channelAddress ?? turn.address));
    const hint = await deps.refs.userHint(accountId);
    if (!reference || !hint) return false;
    let record: MemberRecord = { askedAt: now.toISOString() };
    try {
      await deps.adapter.continueConversationAsync(deps.appId, reference, async (ctx) => {
        const member = await TeamsInfo.getMember(ctx, hint.teamsId);
        record = {
          ...record,
          ...(member.email ? { email: normal(member.email) } : {}),
          ...(member.userPrincipalName ? { upn: normal(member.userPrincipalName) } : {}),
        };
      });
    } catch (error) {
      // Not stored: the next turn asks again. The person is still answered, only not yet recognised by e-mail.
      deps.logger.warn('teams: member e-mail could not be fetched', {
        status: (error as { statusCode?: number }).statusCode ?? 0,
      });
      return false;
    }
    await deps.keyValues.put(MEMBER_EMAIL_NAMESPACE, accountId, record);
    remember(accountId, now.getTime());
    const want = new Set(wanted.map(normal));
    return (record.email !== undefined && want.has(record.email)) || (record.upn !== undefined && want.has(record.upn));
  }

  /** The accounts whose e-mail or UPN is one of these, from what the connector said before. */
  async function lookupByEmail(emails: string[]): Promise<Map<string, string>> {
    const want = new Set(emails.map(normal));
    const found = new Map<string, string>();
    for (const { key, value } of await deps.keyValues.list<MemberRecord>(MEMBER_EMAIL_NAMESPACE)) {
      for (const address of [value.email, value.upn]) if (address && want.has(address)) found.set(address, key);
    }
    return found;
  }

  return { learn, lookupByEmail };
}
