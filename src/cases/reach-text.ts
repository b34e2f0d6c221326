import type { Case } from '../domain/case';
import type { Reach } from '../domain/reach';
import type { Text } from '../engine/prompt';
import { raw, tx } from '../engine/prompt';
import type { CaseRole } from './access';

/** How the member wants to be reached, in words ("Telefon 070-123 45 67", "Bara här i chatten"). */
export function reachText(reach: Reach | undefined): Text {
  if (!reach) return tx('case.reach.none');
  if (reach.via === 'chat') return tx('case.reach.chat');
  return tx(`case.reach.${reach.via}`, { value: raw(reach.value) });
}

/**
 * Who sees how to reach the member (issue 12): the owner, who is to call them, and the municipality only when the
 * exposed person said yes to sharing. Not the other contacts, the central contact or the channel.
 */
export function seesReach(role: CaseRole, c: Case): boolean {
  return role === 'owner' || (role === 'municipality' && c.report.consentMunicipality);
}
