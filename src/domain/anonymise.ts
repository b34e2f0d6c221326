import type { Case } from './case';
import type { Report } from './report';

/** Stands in the clear copy for a sealed police case number: says that one is recorded, and nothing more. */
export const POLICE_NUMBER_SEALED = 'sealed';

/**
 * What a stored case keeps of its report in clear: the fields statistics and queries need (categories, channels and
 * the ladder step, urgency, police-report status, consent flags). Everything a member typed is sealed.
 */
export function statisticsOfReport(report: Report): Report {
  return {
    urgent: report.urgent,
    language: report.language,
    reporter: { onBehalf: report.reporter.onBehalf },
    target: {},
    categories: report.categories,
    // Counted in the statistics beside the categories (Brå's PTU groups and the hate-crime motive, issue 14).
    ...(report.hateCrimeMotive === undefined ? {} : { hateCrimeMotive: report.hateCrimeMotive }),
    description: '',
    channels: report.channels,
    ladderStep: report.ladderStep,
    when: { ongoing: report.when.ongoing },
    where: {},
    perpetrator: {},
    evidence: [],
    // Whether a police number is recorded, not the number: the digest asks for a missing one (issue 14).
    police: {
      ...(report.police.status === undefined ? {} : { status: report.police.status }),
      ...(report.police.caseNumber ? { caseNumber: POLICE_NUMBER_SEALED } : {}),
    },
    support: {},
    informed: {},
    consentMunicipality: report.consentMunicipality,
  };
}

/**
 * The case as retention or erasure leaves it: the statistics fields (district, urgency, categories, channels and the
 * ladder step, police-report status, consent, status and the dates) stay, so the case still counts; the report,
 * every name and person id, notes, the close reason and queued messages go. Written without encryption, so the
 * case's data key goes with the old document.
 */
export function anonymiseCase(c: Case, now: Date): Case {
  return {
    ...c,
    revision: c.revision + 1,
    updatedAt: now.toISOString(),
    reporter: { userId: 'anonymised', displayName: '', address: 'anonymised', language: c.reporter.language },
    exposedUserId: null,
    report: statisticsOfReport(c.report),
    owner: c.owner === null ? null : { userId: 'anonymised', displayName: '' },
    pendingHandover: null,
    checklist: c.checklist.map((item) => ({ ...item, note: null, doneBy: null })),
    closeReason: null,
    timeline: c.timeline.map(({ detail: _detail, ...entry }) => ({ ...entry, by: null })),
    pendingNotifications: [],
    anonymisedAt: now.toISOString(),
  };
}

/** When the case was closed last (its latest `closed` entry), or null when it is not closed. */
export function closedAt(c: Case): string | null {
  if (c.status !== 'closed') return null;
  const closed = c.timeline.filter((e) => e.kind === 'closed').map((e) => e.at);
  return closed.length > 0 ? (closed.sort().at(-1) ?? c.updatedAt) : c.updatedAt;
}
