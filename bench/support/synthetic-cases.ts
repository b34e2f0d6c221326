import { newChecklist } from '../../src/cases/checklist';
import { caseSchema, type Case, type PersonRef } from '../../src/domain/case';

/**
 * Cases for the benchmarks, shaped like the ones the dialog produces (a report with a paragraph of text, a checklist,
 * a timeline of a few entries), about 3 KB each as stored. Invented names and example.org addresses only.
 */

const DAY = 24 * 3600 * 1000;
const DESCRIPTION =
  'Efter debatten i fullmäktige kom ett mejl från en okänd avsändare (avsandare@example.org) som skrev att ' +
  'jag borde "passa mig" på vägen hem och att han vet var jag bor. Samma person har kommenterat flera av mina ' +
  'inlägg på sociala medier den senaste veckan, med allt grövre ord. Jag har sparat mejlet och skärmdumpar av ' +
  'kommentarerna. Jag känner mig otrygg när jag går hem efter sena sammanträden.';

/** The moment the synthetic cases are spread back from (their newest is a minute before). */
export interface SyntheticOptions {
  /** The moment swept; cases are created up to 60 days before it. */
  now: Date;
  /** Owners the taken cases are spread over (round robin); an empty list leaves every case untaken. */
  owners: PersonRef[];
  districtIds: string[];
}

/** Case number `i` (0-based) of a synthetic set: taken and open when there are owners. */
export function syntheticCase(i: number, options: SyntheticOptions): Case {
  const created = new Date(options.now.getTime() - 60_000 - ((i * 7919) % (60 * DAY)));
  const at = created.toISOString();
  const owner = options.owners.length > 0 ? (options.owners[i % options.owners.length] ?? null) : null;
  const reporter = { userId: `web:bench-member-${i % 5000}`, displayName: `Bänkledamot ${i % 5000}` };
  const takenAt = owner ? new Date(created.getTime() + 20 * 60_000).toISOString() : null;
  const checklist = newChecklist(created).map((item, n) =>
    owner && n === 0 ? { ...item, doneAt: takenAt, doneBy: owner, note: 'Pratat i telefon, har stöd hemma.' } : item,
  );
  return {
    id: `bench-case-${i}`,
    number: `VP-2026-${String(i + 1).padStart(6, '0')}`,
    districtId: options.districtIds[i % options.districtIds.length] ?? 'norrby',
    urgent: i % 11 === 0,
    status: owner ? 'open' : 'new',
    createdAt: at,
    updatedAt: takenAt ?? at,
    revision: owner ? 2 : 0,
    reporter: { ...reporter, address: `web:dm:bench-member-${i % 5000}`, language: 'sv' },
    exposedUserId: reporter.userId,
    report: {
      urgent: i % 11 === 0,
      language: 'sv',
      reporter: { onBehalf: false, nameAndRole: `${reporter.displayName}, ersättare i kommunfullmäktige` },
      target: { name: reporter.displayName, role: 'Kommunfullmäktige' },
      categories: i % 3 === 0 ? ['threat', 'harassment'] : ['threat'],
      description: DESCRIPTION,
      channels: ['email', 'social_media'],
      ladderStep: 'written_online',
      when: { approximate: 'förra veckan', ongoing: true },
      where: { platformOrLink: 'e-post och sociala medier' },
      perpetrator: { known: 'unknown', count: 'one' },
      evidence: [],
      police: { status: 'not_contacted' },
      support: { needed: 'dont_know' },
      informed: { partySecurity: false },
      consentMunicipality: false,
    },
    owner,
    takenAt,
    pendingHandover: null,
    sharedWithMunicipality: null,
    checklist,
    closeReason: null,
    timeline: [
      { kind: 'submitted', at, by: reporter },
      ...(owner && takenAt
        ? [
            { kind: 'taken' as const, at: takenAt, by: owner },
            { kind: 'item_done' as const, at: takenAt, by: owner, detail: 'not_alone' },
          ]
        : []),
    ],
    escalations: 0,
    lastEscalatedAt: null,
    pendingNotifications: [],
  };
}

/** Checks once that the generator still produces valid cases (the schema may grow). */
export function assertSyntheticValid(options: SyntheticOptions): void {
  caseSchema.parse(syntheticCase(0, options));
  caseSchema.parse(syntheticCase(1, { ...options, owners: [] }));
}
