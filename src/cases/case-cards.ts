import { ACTION } from '../engine/actions';
import type { Card, CardAction, CardField, CardSection, Text } from '../engine/prompt';
import { join, raw, time, tx } from '../engine/prompt';
import type { Case } from '../domain/case';
import type { CaseRole } from './access';
import { checklistComplete } from './checklist';
import { reachText, seesReach } from './reach-text';
import { reportSections } from './report-sections';
import { policeNumberAction, policeTextAction } from '../police/police-text';
import { EXPORT_ACTION } from '../export/export-actions';

/** The case's categories by name, e.g. "Hot, Trakasserier". */
export function categoryList(c: { report: Pick<Case['report'], 'categories'> }): Text {
  // An urgent case is alerted before the member has said what happened (DOMAIN rule 14).
  if (c.report.categories.length === 0) return tx('case.category.pending');
  return join(c.report.categories.map((k) => tx(`label.category.${k}`)));
}

/**
 * The channel alert: only what is necessary (DOMAIN rule 11): case number, district, category, urgency, time, and
 * "Take case" while nobody has. Never report text, names or places.
 */
export function alertCard(c: Case, districtName: string): Card {
  const fields: CardField[] = [
    { label: tx('case.field.district'), value: raw(districtName) },
    { label: tx('case.field.category'), value: categoryList(c) },
    { label: tx('case.field.urgency'), value: tx(c.urgent ? 'case.urgency.urgent' : 'case.urgency.normal') },
    { label: tx('case.field.submitted'), value: time(c.createdAt) },
  ];
  const lines: Text[] = [];
  if (c.owner && c.takenAt)
    lines.push(tx('case.alert.taken', { name: c.owner.displayName, time: time(c.takenAt, 'clock') }));
  else if (c.escalations > 0) lines.push(tx('case.alert.still_untaken', { count: c.escalations }));
  if (c.status === 'closed') lines.push(tx('case.alert.closed'));
  const actions: CardAction[] = c.owner
    ? []
    : [{ id: ACTION.caseTake, label: tx('case.action.take'), value: c.id, style: 'primary' }];
  return {
    title: tx(c.urgent ? 'case.alert.title_urgent' : 'case.alert.title', { number: c.number }),
    tone: c.owner ? 'done' : c.urgent ? 'urgent' : 'normal',
    fields,
    lines,
    actions,
  };
}

/** The whole case, for the owner and those it is shared with, with the actions their role allows. */
export function caseViewCard(
  c: Case,
  districtName: string,
  role: CaseRole,
  successors: Array<{ userId: string; name: string }>,
): Card {
  const fields: CardField[] = [
    { label: tx('case.field.district'), value: raw(districtName) },
    { label: tx('case.field.status'), value: tx(`case.status.${c.status}`) },
    { label: tx('case.field.urgency'), value: tx(c.urgent ? 'case.urgency.urgent' : 'case.urgency.normal') },
    { label: tx('case.field.owner'), value: c.owner ? raw(c.owner.displayName) : tx('case.owner.none') },
    { label: tx('case.field.submitted'), value: time(c.createdAt) },
    { label: tx('case.field.reporter'), value: raw(c.reporter.displayName) },
  ];
  if (c.pendingHandover) {
    fields.push({ label: tx('case.field.handover'), value: raw(c.pendingHandover.displayName) });
  }
  if (c.sharedWithMunicipality) fields.push({ label: tx('case.field.shared'), value: tx('common.yes') });
  if (seesReach(role, c)) fields.push({ label: tx('case.field.reach'), value: reachText(c.report.reachAt) });
  const sections: CardSection[] = [...reportSections(c.report), checklistSection(c, role), timelineSection(c)];
  return {
    title: tx(c.urgent ? 'case.view.title_urgent' : 'case.view.title', { number: c.number }),
    tone: c.status === 'closed' ? 'done' : c.urgent ? 'urgent' : 'normal',
    fields,
    sections,
    actions: caseActions(c, role, successors),
  };
}

function checklistSection(c: Case, role: CaseRole): CardSection {
  return {
    heading: tx('case.checklist.heading'),
    lines: c.checklist.map((item) =>
      item.doneAt
        ? tx(item.note ? 'case.checklist.done_note' : 'case.checklist.done', {
            item: tx(`case.item.${item.id}`),
            date: time(item.doneAt, 'date'),
            by: item.doneBy?.displayName ?? '',
            note: item.note ?? '',
          })
        : tx('case.checklist.open', { item: tx(`case.item.${item.id}`), date: time(item.dueAt, 'date') }),
    ),
    actions:
      role === 'owner' && c.status !== 'closed'
        ? c.checklist
            .filter((item) => !item.doneAt)
            .map((item) => ({
              id: ACTION.caseTick,
              label: tx(`case.item.${item.id}`),
              value: JSON.stringify({ c: c.id, i: item.id }),
              input: { label: tx('case.input.item_note'), required: false, maxLength: 2000 },
            }))
        : [],
  };
}

function timelineSection(c: Case): CardSection {
  return {
    heading: tx('case.timeline.heading'),
    lines: c.timeline.map((entry) =>
      tx(`case.timeline.${entry.kind}`, {
        at: time(entry.at),
        by: entry.by?.displayName ?? 'Vaktpost',
        detail: entry.detail ?? '',
      }),
    ),
  };
}

function caseActions(c: Case, role: CaseRole, successors: Array<{ userId: string; name: string }>): CardAction[] {
  const actions: CardAction[] = [];
  if (!c.owner && (role === 'contact' || role === 'central')) {
    actions.push({ id: ACTION.caseTake, label: tx('case.action.take'), value: c.id, style: 'primary' });
  }
  if (role === 'owner' || role === 'central' || role === 'contact') {
    actions.push({
      id: ACTION.caseNote,
      label: tx('case.action.note'),
      value: c.id,
      input: { label: tx('case.input.note'), required: true, maxLength: 2000 },
    });
  }
  if (role === 'owner' && c.status !== 'closed') {
    if (successors.length > 0 && !c.pendingHandover) {
      actions.push({
        id: ACTION.caseHandover,
        label: tx('case.action.handover'),
        value: c.id,
        input: {
          label: tx('case.input.successor'),
          required: true,
          choices: successors.map((s) => ({ value: s.userId, label: raw(s.name) })),
        },
      });
    }
    if (c.report.consentMunicipality && !c.sharedWithMunicipality) {
      actions.push({ id: ACTION.caseShare, label: tx('case.action.share'), value: c.id });
    }
    actions.push({
      id: ACTION.caseClose,
      label: tx('case.action.close'),
      value: c.id,
      style: 'danger',
      input: { label: tx('case.input.close_reason'), required: !checklistComplete(c.checklist), maxLength: 2000 },
    });
  }
  if (c.status === 'closed' && (role === 'owner' || role === 'central')) {
    actions.push({ id: ACTION.caseReopen, label: tx('case.action.reopen'), value: c.id });
  }
  // The owner helps the member report to the police and records the number (issue 14).
  if (role === 'owner') actions.push(policeTextAction(c), policeNumberAction(c));
  // The Bilaga 4 report: for the owner, and for the municipality once shared with consent (issue 14).
  if (role === 'owner' || (role === 'municipality' && c.report.consentMunicipality)) {
    actions.push({ id: EXPORT_ACTION.incident, label: tx('export.action'), value: c.id });
  }
  return actions;
}

/** What the member who reported sees of their own case: status and who helps, not the contacts' notes. */
export function memberCaseCard(c: Case): Card {
  return {
    title: tx('case.member.title', { number: c.number }),
    tone: c.status === 'closed' ? 'done' : 'normal',
    fields: [
      { label: tx('case.field.status'), value: tx(`case.member_status.${c.owner ? c.status : 'waiting'}`) },
      { label: tx('case.field.helper'), value: c.owner ? raw(c.owner.displayName) : tx('case.owner.none_yet') },
      { label: tx('case.field.submitted'), value: time(c.createdAt) },
      ...(c.report.police.caseNumber
        ? [{ label: tx('police.field.number'), value: raw(c.report.police.caseNumber) }]
        : []),
    ],
    // The member's own way to the police-report text and to add the police's number later (issue 14).
    actions: [
      policeTextAction(c),
      policeNumberAction(c),
      // The exposed person's own switch for sharing with the municipality (a reporter for someone else has none).
      ...(c.status !== 'closed' && !c.report.reporter.onBehalf ? [consentAction(c)] : []),
      ...(c.status !== 'closed' ? [reachAction(c)] : []),
    ],
  };
}

/** A list of cases with a "Show" button each. */
export function caseListCard(title: Text, cases: Case[], empty: Text): Card {
  if (cases.length === 0) return { title, tone: 'normal', lines: [empty] };
  return {
    title,
    tone: cases.some((c) => c.urgent && !c.owner) ? 'urgent' : 'normal',
    sections: cases.map((c) => ({
      lines: [
        tx(c.urgent ? 'case.list.line_urgent' : 'case.list.line', {
          number: c.number,
          status: tx(`case.status.${c.status}`),
          owner: c.owner?.displayName ?? '-',
          date: time(c.createdAt, 'date'),
        }),
      ],
      actions: [{ id: ACTION.caseView, label: tx('case.action.view'), value: c.id }],
    })),
  };
}

/**
 * "Hur går det med mitt ärende?": each open case of the member with where it stands, who helps and since when, and
 * the button to change whether the municipality may see it.
 */
export function memberStatusCard(cases: Case[]): Card {
  if (cases.length === 0)
    return { title: tx('member.status.title'), tone: 'normal', lines: [tx('member.status.none')] };
  return {
    title: tx('member.status.title'),
    tone: 'normal',
    sections: cases.map((c) => ({
      heading: tx('case.member.title', { number: c.number }),
      fields: memberCaseCard(c).fields ?? [],
      lines: [
        c.owner
          ? tx('member.status.helper', { name: c.owner.displayName, time: time(c.takenAt ?? c.updatedAt) })
          : tx('member.status.waiting'),
      ],
      actions: [...(c.report.reporter.onBehalf ? [] : [consentAction(c)]), reachAction(c)],
    })),
  };
}

/** The member's way to leave or change how the owner reaches them (the choices come as a card of their own). */
export function reachAction(c: Case): CardAction {
  return { id: 'member:reach', label: tx('member.reach.change'), value: c.id };
}

/** The choices for reaching the member: a phone or an e-mail address typed into the button's field, or the chat. */
export function reachCard(c: Case): Card {
  const value = (via: string): string => JSON.stringify({ c: c.id, v: via });
  return {
    title: tx('member.reach.title', { number: c.number }),
    tone: 'normal',
    lines: [tx('member.reach.text', { current: reachText(c.report.reachAt) })],
    actions: [
      {
        id: 'member:reach_set',
        label: tx('report.reach.choice.phone'),
        value: value('phone'),
        input: { label: tx('member.reach.phone_input'), required: true, maxLength: 40 },
      },
      {
        id: 'member:reach_set',
        label: tx('report.reach.choice.email'),
        value: value('email'),
        input: { label: tx('member.reach.email_input'), required: true, maxLength: 254 },
      },
      { id: 'member:reach_set', label: tx('report.reach.choice.chat'), value: value('chat') },
    ],
  };
}

/** The member's own switch for sharing with the municipality: ask to share, or stop sharing before it happens. */
export function consentAction(c: Case): CardAction {
  const give = !c.report.consentMunicipality;
  return {
    id: 'member:consent',
    label: tx(give ? 'member.consent.give' : 'member.consent.withdraw'),
    value: JSON.stringify({ c: c.id, v: give ? 'yes' : 'no' }),
  };
}
