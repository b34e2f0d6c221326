import { roleOn } from '../cases/access';
import { VaktpostError } from '../domain/errors';
import type { Directory } from '../directory/directory';
import type { ExportLinks } from '../export/export-links';
import type { ExportFile } from '../export/incident-export';
import type { CaseRepository } from '../ports/case-repository';
import type { EvidenceKeeper } from '../ports/evidence';

/** What the evidence links need. */
export interface EvidenceDownloadDeps {
  cases: CaseRepository;
  directory: Directory;
  links: ExportLinks;
  vault: EvidenceKeeper;
  /** EVIDENCE_LINK_HOURS in ms. */
  ttlMs: number;
}

/** A file name safe in a Content-Disposition header: the member's name for it, without quotes or line breaks. */
const safeFileName = (name: string): string => name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 150) || 'evidence';

/**
 * Short-lived links to Vaktpost's copy of an evidence file, for platforms where the bot cannot put the file itself
 * into the owner's chat (Teams). A link names the case, the file and the owner it was made for; it opens only while
 * that person still owns the case, and the file is checked against its SHA-256 before it is handed out.
 */
export class EvidenceDownloads {
  constructor(private readonly deps: EvidenceDownloadDeps) {}

  /** How long a link works, in whole hours. */
  get hours(): number {
    return Math.round(this.deps.ttlMs / 3_600_000);
  }

  /** The link to one file for one user. */
  linkFor(caseId: string, blob: string, userId: string, now: Date): string {
    return this.deps.links.url(
      this.deps.links.token('evidence.file', userId, `${caseId}/${blob}`, now, this.deps.ttlMs),
    );
  }

  /** The file a verified link names, when its user still owns the case. */
  async open(userId: string, subject: string): Promise<ExportFile> {
    const [caseId = '', blob = ''] = subject.split('/');
    const c = await this.deps.cases.get(caseId);
    if (!c) throw new VaktpostError('export.link_invalid', 'no such case');
    if (c.anonymisedAt) throw new VaktpostError('evidence.unavailable', 'the case was anonymised or erased');
    if (roleOn(this.deps.directory, userId, c) !== 'owner') {
      throw new VaktpostError('export.not_allowed', 'only the owner opens the evidence');
    }
    const file = c.report.evidence.find((f) => f.stored?.blob === blob);
    if (!file) throw new VaktpostError('export.link_invalid', 'no such file in the case');
    const body = await this.deps.vault.open(file);
    // A member's file is never shown as a page on Vaktpost's own address: it is always a download.
    const type =
      file.mimeType && !/html|xml|javascript/i.test(file.mimeType) ? file.mimeType : 'application/octet-stream';
    return { contentType: type, fileName: safeFileName(file.name), body };
  }
}
