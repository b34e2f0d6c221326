import { roleOn, type CaseRole } from '../cases/access';
import type { Case, PersonRef } from '../domain/case';
import { VaktpostError } from '../domain/errors';
import type { Language } from '../domain/report';
import type { Directory } from '../directory/directory';
import type { CaseRepository } from '../ports/case-repository';
import type { ExportKind, ExportLinks } from './export-links';
import { incidentReport } from './incident-report';
import { renderIncidentHtml } from './render-html';
import { renderIncidentPdf } from './render-pdf';

/** A file to hand to the browser. */
export interface ExportFile {
  contentType: string;
  /** File name for the download, e.g. incidentrapport-VP-2026-0001.pdf. */
  fileName: string;
  body: Buffer;
}

/** The two links of one case, for the person who asked. */
export interface IncidentLinks {
  html: string;
  pdf: string;
  /** How long they work. */
  minutes: number;
}

export interface IncidentExportDeps {
  cases: CaseRepository;
  directory: Directory;
  links: ExportLinks;
  /** The language to write the report in for this user (their stored choice), Swedish by default. */
  languageOf(userId: string): Promise<Language>;
}

/**
 * Who may export the incident report: the owner of the case, and the municipality's security officer once the case
 * is shared with the exposed person's consent (seed 004: information only to those who need it).
 */
export function mayExport(role: CaseRole, c: Case): boolean {
  if (role === 'owner') return true;
  return role === 'municipality' && c.report.consentMunicipality && c.sharedWithMunicipality !== null;
}

const MAX_WRITE_ATTEMPTS = 20;
const KIND_LABEL: Record<'incident.html' | 'incident.pdf', string> = { 'incident.html': 'HTML', 'incident.pdf': 'PDF' };

/**
 * The incident report of seed 003 Bilaga 4 as a print-ready page and a PDF, reached through short-lived signed links.
 * Access is checked when the links are made and again when one is opened; every opening is written to the case's
 * timeline (who, when, which format), so the owner sees who has taken the report out of the chat.
 */
export class IncidentExports {
  constructor(private readonly deps: IncidentExportDeps) {}

  /** The links for this user, or `export.not_allowed` / `case.not_found` when they may not have them. */
  async linksFor(caseId: string, userId: string, now: Date): Promise<IncidentLinks> {
    await this.allowedCase(caseId, userId);
    const links = this.deps.links;
    return {
      html: links.url(links.token('incident.html', userId, caseId, now)),
      pdf: links.url(links.token('incident.pdf', userId, caseId, now)),
      minutes: links.minutes,
    };
  }

  /** Renders the file a verified link names, after checking access again, and records the export on the case. */
  async open(kind: ExportKind, userId: string, caseId: string, now: Date): Promise<ExportFile> {
    if (kind !== 'incident.html' && kind !== 'incident.pdf') {
      throw new VaktpostError('export.link_invalid', 'not an incident link');
    }
    const c = await this.record(caseId, userId, kind, now);
    const language = await this.deps.languageOf(userId);
    const report = incidentReport(
      c,
      {
        districtName: this.deps.directory.district(c.districtId)?.name ?? c.districtId,
        sharedWith: c.sharedWithMunicipality
          ? (this.deps.directory.municipality(c.sharedWithMunicipality)?.name ?? c.sharedWithMunicipality)
          : null,
        madeFor: this.person(userId).displayName,
        now,
      },
      language,
    );
    const base = `${language === 'sv' ? 'incidentrapport' : 'incident-report'}-${c.number}`;
    return kind === 'incident.pdf'
      ? { contentType: 'application/pdf', fileName: `${base}.pdf`, body: await renderIncidentPdf(report) }
      : {
          contentType: 'text/html; charset=utf-8',
          fileName: `${base}.html`,
          body: Buffer.from(renderIncidentHtml(report), 'utf8'),
        };
  }

  private async allowedCase(caseId: string, userId: string): Promise<{ c: Case; role: CaseRole }> {
    const c = await this.deps.cases.get(caseId);
    const role = c ? roleOn(this.deps.directory, userId, c) : 'none';
    if (!c || role === 'none') throw new VaktpostError('case.not_found', 'case not found');
    if (!mayExport(role, c)) throw new VaktpostError('export.not_allowed', 'owner or consented municipality only');
    return { c, role };
  }

  /** Writes "exported (PDF) by X" to the timeline in one conditional write, checking access on the case read. */
  private async record(caseId: string, userId: string, kind: 'incident.html' | 'incident.pdf', now: Date) {
    for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt += 1) {
      const { c } = await this.allowedCase(caseId, userId);
      const stamp = now.toISOString();
      const next: Case = {
        ...c,
        timeline: [...c.timeline, { kind: 'exported', at: stamp, by: this.person(userId), detail: KIND_LABEL[kind] }],
        updatedAt: stamp,
        revision: c.revision + 1,
      };
      if (await this.deps.cases.update(next, c.revision)) return next;
    }
    throw new VaktpostError('case.conflict', 'the case changed too often while writing; try again');
  }

  private person(userId: string): PersonRef {
    return { userId, displayName: this.deps.directory.personOf(userId)?.name ?? userId };
  }
}
