import { randomUUID } from 'node:crypto';
import { anonymiseCase, closedAt } from '../domain/anonymise';
import type { Case } from '../domain/case';
import type { AttachmentRef } from '../domain/report';
import { filesOfAnswers } from '../evidence/evidence-vault';
import type { CaseRepository } from '../ports/case-repository';
import type { LeaseStore } from '../ports/lease';
import type { Logger } from '../ports/logger';
import type { OutboxStore } from '../ports/outbox-store';
import type { ProfileStore } from '../ports/profile-store';
import type { SessionStore } from '../ports/session-store';
import type { AuditLog } from './audit-log';

/** What retention and erasure work on. */
export interface RetentionDeps {
  cases: CaseRepository;
  outbox: OutboxStore;
  sessions: SessionStore;
  profiles: ProfileStore;
  leases: LeaseStore;
  audit: AuditLog;
  logger: Logger;
  /** RETENTION_MONTHS: closed cases older than this are anonymised. */
  retentionMonths: number;
  /** Vaktpost's copies of evidence files: an anonymised case's files are deleted with it. */
  evidence?: { remove(files: AttachmentRef[]): Promise<number> };
}

/** What one run did. */
export interface RetentionOutcome {
  anonymised: string[];
  skipped: boolean;
}

const subtractMonths = (at: Date, months: number): Date => {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/**
 * Retention and erasure. Both anonymise cases the same way (`anonymiseCase`): the statistics fields stay so a case
 * still counts, the rest goes, and the case's data key goes with it, so copies in backups and its delivered
 * messages can no longer be read. Each run is written to the append-only audit log, without what was removed.
 */
export class Retention {
  constructor(private readonly deps: RetentionDeps) {}

  /** Anonymises every closed case closed more than RETENTION_MONTHS before `now` (one process at a time). */
  async sweep(now: Date): Promise<RetentionOutcome> {
    const holder = randomUUID();
    if (!(await this.deps.leases.acquire('retention', holder, new Date(), 10 * 60_000))) {
      return { anonymised: [], skipped: true };
    }
    try {
      const limit = subtractMonths(now, this.deps.retentionMonths).getTime();
      const due = (await this.deps.cases.list({ statuses: ['closed'] })).filter((c) => {
        const closed = closedAt(c);
        return !c.anonymisedAt && closed !== null && Date.parse(closed) <= limit;
      });
      const anonymised: string[] = [];
      for (const c of due) if (await this.anonymise(c.id, now)) anonymised.push(c.number);
      if (anonymised.length > 0) {
        await this.deps.audit.append({
          at: now.toISOString(),
          action: 'retention',
          by: 'retention',
          cases: anonymised,
          sessions: 0,
        });
      }
      this.deps.logger.info('retention sweep', { anonymised: anonymised.length, months: this.deps.retentionMonths });
      return { anonymised, skipped: false };
    } finally {
      await this.deps.leases.release('retention', holder);
    }
  }

  /**
   * Erases a person on request: every case they reported or were the exposed person of is anonymised, whatever its
   * status, their unfinished report is removed and their profile is emptied. Returns the audit entry written.
   */
  async erasePerson(personId: string, by: string, now: Date) {
    const all = await this.deps.cases.list({});
    const theirs = all.filter((c) => c.reporter.userId === personId || c.exposedUserId === personId);
    const cases: string[] = [];
    for (const c of theirs) if (!c.anonymisedAt && (await this.anonymise(c.id, now))) cases.push(c.number);
    const sessions = await this.deps.sessions.ofUser(personId);
    for (const session of sessions) {
      // Files sent in a report never finished: their copies go with the session.
      await this.deps.evidence?.remove(filesOfAnswers(session.answers));
      await this.deps.sessions.delete(session.key);
    }
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const profile = await this.deps.profiles.get(personId);
      if (!profile) break;
      // The profile port has no delete: what stays is the id and the time, nothing that says who they are.
      const emptied = { userId: personId, updatedAt: now.toISOString(), revision: profile.revision + 1 };
      if (await this.deps.profiles.put(emptied, profile.revision)) break;
    }
    const entry = {
      at: now.toISOString(),
      action: 'erasure' as const,
      by,
      person: personId,
      cases,
      sessions: sessions.length,
    };
    await this.deps.audit.append(entry);
    this.deps.logger.info('person erased', { cases: cases.length, sessions: entry.sessions });
    return entry;
  }

  /** Anonymises one case by a conditional write (retried on a conflict); its undelivered messages are dropped. */
  private async anonymise(caseId: string, now: Date): Promise<boolean> {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const c: Case | null = await this.deps.cases.get(caseId);
      if (!c || c.anonymisedAt) return false;
      // Before the key goes: messages still waiting would carry the report and could not be opened afterwards.
      for (const n of await this.deps.outbox.listForCase(caseId)) {
        if (n.status === 'pending') await this.deps.outbox.markDead(n.id, 'case anonymised before delivery');
      }
      if (await this.deps.cases.update(anonymiseCase(c, now), c.revision)) {
        // After the write: the files' keys went with the report, and now the encrypted bytes go too.
        await this.deps.evidence?.remove(c.report.evidence);
        return true;
      }
    }
    return false;
  }
}
