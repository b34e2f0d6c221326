import { z } from 'zod';
import { roleOn, type CaseRole } from '../cases/access';
import type { Actor } from '../cases/case-service';
import { dmAddressOf } from '../domain/address';
import type { Case } from '../domain/case';
import { VaktpostError } from '../domain/errors';
import type { Language } from '../domain/report';
import type { Directory } from '../directory/directory';
import type { CaseRepository } from '../ports/case-repository';

/**
 * A police case number as people copy it from the police's confirmation, e.g. "5000-K123456-26": letters, digits and
 * the separators - / . : and spaces, with at least one digit. Anything else is refused with a message, never stored.
 */
export const policeNumberSchema = z
  .string()
  .transform((v) => v.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(3)
      .max(60)
      .regex(/^[\p{L}\d][\p{L}\d \-/.:]*$/u)
      .regex(/\d/),
  );

/** Who may record the police number: the member who reported, the exposed person, and the case's owner. */
export function mayRecordPoliceNumber(role: CaseRole): boolean {
  return role === 'owner' || role === 'reporter' || role === 'exposed';
}

const MAX_WRITE_ATTEMPTS = 20;

/**
 * Records the police's case number on the case (report.police.caseNumber, status "reported") with a timeline entry,
 * in one conditional write on the revision read, retried on a conflict like every other case change.
 */
export class PoliceNumbers {
  constructor(
    private readonly cases: CaseRepository,
    private readonly directory: Directory,
    /** The language to write to the owner in. */
    private readonly languageOf: (userId: string) => Promise<Language>,
  ) {}

  async record(caseId: string, actor: Actor, input: string, now: Date): Promise<Case> {
    const parsed = policeNumberSchema.safeParse(input);
    if (!parsed.success) throw new VaktpostError('police.number_invalid', 'not a police case number');
    const number = parsed.data;
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
      const c = await this.cases.get(caseId);
      const role = c ? roleOn(this.directory, actor.userId, c) : 'none';
      if (!c || role === 'none') throw new VaktpostError('case.not_found', 'case not found');
      if (!mayRecordPoliceNumber(role)) throw new VaktpostError('case.not_owner', 'owner or member only');
      if (c.report.police.caseNumber === number) return c;
      const stamp = now.toISOString();
      // The owner hears when the member adds the number, so the follow-up can go on with it.
      const owner = c.owner && c.owner.userId !== actor.userId ? c.owner : null;
      const drafts = owner
        ? [
            {
              id: `${c.id}:police-number-${c.timeline.length}:${dmAddressOf(owner.userId)}`,
              address: dmAddressOf(owner.userId),
              createdAt: stamp,
              // A reference, rendered from the case when sent (the police number is sealed in the case).
              render: {
                caseId: c.id,
                kind: 'owner-police-number' as const,
                language: await this.languageOf(owner.userId),
                entry: c.timeline.length,
              },
            },
          ]
        : [];
      const next: Case = {
        ...c,
        report: { ...c.report, police: { ...c.report.police, status: 'reported', caseNumber: number } },
        timeline: [...c.timeline, { kind: 'police_number', at: stamp, by: actor, detail: number }],
        updatedAt: stamp,
        revision: c.revision + 1,
        pendingNotifications: [...c.pendingNotifications, ...drafts],
      };
      if (await this.cases.update(next, c.revision)) return next;
    }
    throw new VaktpostError('case.conflict', 'the case changed too often while writing; try again');
  }
}
