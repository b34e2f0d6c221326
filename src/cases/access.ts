import type { Case } from '../domain/case';
import type { Directory } from '../directory/directory';

/** How a user relates to a case; decides what they may see and do. */
export type CaseRole = 'owner' | 'contact' | 'central' | 'municipality' | 'reporter' | 'exposed' | 'none';

/**
 * The strongest role the user has on the case. Who may see a case: the reporter and the exposed person (their own),
 * the contacts of its district, the central contact, and the municipality when the case is shared with it.
 */
export function roleOn(directory: Directory, userId: string, c: Case): CaseRole {
  if (c.owner?.userId === userId) return 'owner';
  if (directory.isCentral(userId)) return 'central';
  if (directory.isContactOf(userId, c.districtId)) return 'contact';
  if (c.sharedWithMunicipality && directory.isOfficerOf(userId, c.sharedWithMunicipality)) return 'municipality';
  if (c.reporter.userId === userId) return 'reporter';
  if (c.exposedUserId === userId) return 'exposed';
  // A former owner who handed the case over is still a contact of the district or central, handled above.
  return 'none';
}

/** Roles that see the whole report (the details go only to these: DOMAIN rule 11). */
export function seesDetails(role: CaseRole): boolean {
  return role === 'owner' || role === 'contact' || role === 'central' || role === 'municipality';
}

/** Roles that may take an untaken case. */
export function mayTake(role: CaseRole): boolean {
  return role === 'contact' || role === 'central';
}
