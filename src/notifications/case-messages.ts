import { roleOn, seesDetails } from '../cases/access';
import { alertCard } from '../cases/case-cards';
import type { CaseService } from '../cases/case-service';
import type { Case, TimelineEntry } from '../domain/case';
import type { CaseMessageRef } from '../domain/notification';
import type { Directory } from '../directory/directory';
import type { OutgoingMessage, Prompt } from '../engine/prompt';
import { raw, tx } from '../engine/prompt';
import type { CaseRepository } from '../ports/case-repository';
import type { NotificationRenderer } from '../ports/notification-renderer';
import { centralEscalationCard, channelEscalationCard } from '../reminders/reminder-cards';

/** What the renderer reads: the (decrypted) case, the cards of the case service, and who is who. */
export interface CaseMessagesDeps {
  cases: CaseRepository;
  service: Pick<CaseService, 'cardForViewer' | 'districtName'>;
  directory: Directory;
}

const message = (text: Parameters<typeof tx>[0], params?: Parameters<typeof tx>[1]): Prompt => ({
  kind: 'message',
  text: tx(text, params),
});

/** The escalation number an `escalated` entry records ("escalation 2"). */
const escalationNumber = (entry: TimelineEntry): number => Number(/(\d+)$/.exec(entry.detail ?? '')?.[1] ?? 1);

/**
 * Renders every message about a case from the case as it is when the message is sent (the one renderer the
 * dispatcher calls). Send-time rules, where the case moved on after the message was queued:
 * - an alert shows the case as it is now: taken by whom (and no "Take case" button), closed, still untaken;
 * - a case card shows what the recipient's role allows now, and nothing to someone who may no longer see the case;
 * - an escalation, to the district, the central contact or the member, is dropped once somebody has taken the case;
 * - a hand-over offer is dropped once it is no longer pending for its recipient;
 * - nothing at all is sent for a case that was erased or anonymised.
 * Status messages take who acted and what they wrote from the timeline entry they tell of, so a later change never
 * rewrites them.
 */
export class CaseMessages implements NotificationRenderer {
  constructor(private readonly deps: CaseMessagesDeps) {}

  async render(ref: CaseMessageRef): Promise<OutgoingMessage | null> {
    const c = await this.deps.cases.get(ref.caseId);
    if (!c || c.anonymisedAt) return null;
    const entry = c.timeline[ref.entry];
    if (!entry) return null;
    const prompt = await this.prompt(c, ref, entry);
    if (prompt === null) return null;
    return { language: ref.language, prompt, ...(ref.kind === 'alert' ? { updateKey: `alert:${c.id}` } : {}) };
  }

  private async prompt(c: Case, ref: CaseMessageRef, entry: TimelineEntry): Promise<Prompt | null> {
    const district = this.deps.service.districtName(c);
    const name = entry.by?.displayName ?? '';
    const number = c.number;
    switch (ref.kind) {
      case 'alert':
        return { kind: 'card', card: alertCard(c, district) };
      case 'alert-rerouted':
        return {
          kind: 'card',
          card: { ...alertCard(c, district), lines: [tx('case.alert.rerouted', { district })] },
        };
      case 'case-card':
        return this.caseCard(c, ref.viewerUserId);
      case 'handover-offer':
        if (!ref.viewerUserId || c.pendingHandover?.userId !== ref.viewerUserId) return null;
        return {
          kind: 'card',
          card: {
            title: tx('case.handover.offer_title', { number }),
            tone: 'normal',
            lines: [tx('case.handover.offer_text', { name, number })],
            actions: [
              { id: 'case:accept', label: tx('case.action.accept'), value: c.id, style: 'primary' },
              { id: 'case:decline', label: tx('case.action.decline'), value: c.id },
            ],
          },
        };
      case 'handover-accepted':
        return message('case.handover.accepted', { name, number });
      case 'handover-declined':
        return message('case.handover.declined', { name, number });
      case 'owner-member-added':
        return message('case.owner.member_added', { name, number });
      case 'owner-consent':
        return message(entry.detail === 'yes' ? 'case.owner.consent_given' : 'case.owner.consent_withdrawn', {
          number,
        });
      case 'owner-reach':
        return message('case.owner.reach_changed', { name, number });
      case 'owner-check-in': {
        const [answer, ...rest] = (entry.detail ?? '').split(': ');
        const support = answer === 'support';
        return {
          kind: 'message',
          tone: support ? 'urgent' : 'normal',
          text: tx(support ? 'case.owner.check_in_support' : 'case.owner.check_in_ok', {
            name,
            number,
            note: raw(rest.join(': ') || '–'),
          }),
        };
      }
      case 'owner-evidence-file': {
        const file = c.report.evidence.find((f) => f.id === ref.fileId);
        if (!file || !ref.viewerUserId || !seesDetails(roleOn(this.deps.directory, ref.viewerUserId, c))) return null;
        return {
          kind: 'file',
          caseId: c.id,
          file,
          text: tx('evidence.owner.file', { number, name: raw(file.name), sha256: file.sha256 ?? '' }),
        };
      }
      case 'owner-police-number':
        return message('police.number_added', { name, police: raw(entry.detail ?? ''), number });
      case 'member-taken':
        return message('case.member.helper', { name, number });
      case 'member-handed-over':
        return message('case.member.handed_over', { name, number });
      case 'member-closed':
        return entry.detail
          ? message('case.member.closed_reason', { number, name, reason: raw(entry.detail) })
          : message('case.member.closed', { number, name });
      case 'member-reopened':
        return message('case.member.reopened', { number });
      case 'member-escalated':
        if (c.owner) return null;
        return this.deps.directory.hasOwnContacts(c.districtId)
          ? message('case.member.escalated', { number, district })
          : message('case.member.escalated_central', { number });
      case 'escalation-channel':
      case 'escalation-central': {
        if (c.owner) return null;
        const waited = Date.parse(entry.at) - Date.parse(c.createdAt);
        const asEscalated: Case = { ...c, escalations: escalationNumber(entry) };
        const card =
          ref.kind === 'escalation-channel'
            ? channelEscalationCard(asEscalated, district, waited)
            : centralEscalationCard(asEscalated, district, waited);
        return { kind: 'card', card };
      }
    }
  }

  /** The whole case as the viewer's role allows it now (recorded in the access log as a view), or nothing. */
  private async caseCard(c: Case, viewerUserId: string | undefined): Promise<Prompt | null> {
    if (!viewerUserId) return null;
    const role = roleOn(this.deps.directory, viewerUserId, c);
    if (!seesDetails(role)) return null;
    return { kind: 'card', card: await this.deps.service.cardForViewer(c, role, viewerUserId) };
  }
}
