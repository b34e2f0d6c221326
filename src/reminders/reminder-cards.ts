import { alertCard, categoryList } from '../cases/case-cards';
import type { Case, CaseSummary } from '../domain/case';
import { ACTION } from '../engine/actions';
import type { Card, CardAction, CardSection, Text } from '../engine/prompt';
import { time, tx } from '../engine/prompt';
import type { OwnerDigest } from './plan';

const MINUTE = 60_000;
/**
 * Cases listed per group. A chat message holds about fifty blocks (Slack) and renderers cut what does not fit, so a
 * longer list ends in "and N more" with a button to the full list instead of being cut silently.
 */
export const MAX_CASES_PER_GROUP = 8;

/** "45 min", "5 h", "3 days": how long a case has waited, rounded down. */
export function durationText(ms: number): Text {
  const minutes = Math.max(0, Math.floor(ms / MINUTE));
  if (minutes < 120) return tx('reminder.duration.minutes', { count: minutes });
  if (minutes < 48 * 60) return tx('reminder.duration.hours', { count: Math.floor(minutes / 60) });
  return tx('reminder.duration.days', { count: Math.floor(minutes / (24 * 60)) });
}

const showAction = (c: Pick<Case, 'id'>): CardAction => ({
  id: ACTION.caseView,
  label: tx('case.action.view'),
  value: c.id,
});
const takeAction = (c: Pick<Case, 'id'>): CardAction => ({
  id: ACTION.caseTake,
  label: tx('case.action.take'),
  value: c.id,
  style: 'primary',
});

/** The untaken cases of one district as a digest shows them. */
export interface UntakenGroup {
  districtName: string;
  /** The first cases, as many as the digest shows. */
  cases: CaseSummary[];
  /** All of the district's untaken cases. */
  total: number;
}

/** What one recipient's digest holds: their own open cases and/or the untaken cases of districts they watch. */
export interface DigestContent {
  owned?: OwnerDigest;
  untaken: UntakenGroup[];
}

/** The "and N more" line with a button to the full list, when a group is longer than a digest shows. */
function moreSection(total: number): CardSection[] {
  if (total <= MAX_CASES_PER_GROUP) return [];
  return [
    {
      lines: [tx('reminder.digest.more', { count: total - MAX_CASES_PER_GROUP })],
      actions: [{ id: ACTION.listCases, label: tx('reminder.action.all_cases'), value: 'all' }],
    },
  ];
}

function ownedSections(digest: OwnerDigest): CardSection[] {
  const header: CardSection = {
    heading: tx('reminder.digest.owned_heading', { count: digest.total }),
    lines: [tx('reminder.digest.owned_summary', { overdue: digest.overdue, soon: digest.dueSoon })],
  };
  const perCase = digest.cases
    .slice(0, MAX_CASES_PER_GROUP)
    .map(({ case: c, items: reminders, ...flags }): CardSection => ({
      lines: [
        tx(c.urgent ? 'reminder.digest.case_line_urgent' : 'reminder.digest.case_line', {
          number: c.number,
          date: time(c.createdAt, 'date'),
        }),
        ...(flags.policeNumberMissing ? [tx('police.digest.number_missing')] : []),
        ...(reminders.length === 0 && !flags.policeNumberMissing
          ? [tx('reminder.digest.nothing_due')]
          : reminders.map((r) =>
              tx(r.state === 'overdue' ? 'reminder.digest.item_overdue' : 'reminder.digest.item_due_soon', {
                item: tx(`case.item.${r.item}`),
                date: time(r.dueAt, 'date'),
              }),
            )),
      ],
      actions: [showAction(c)],
    }));
  return [header, ...perCase, ...moreSection(digest.total)];
}

function untakenSections(group: UntakenGroup): CardSection[] {
  const header: CardSection = {
    heading: tx('reminder.digest.untaken_heading', { district: group.districtName, count: group.total }),
    lines: [tx('reminder.digest.untaken_hint')],
  };
  // Only what a channel alert may carry (DOMAIN rule 11): number, category, urgency, date.
  const perCase = group.cases.slice(0, MAX_CASES_PER_GROUP).map((c): CardSection => ({
    lines: [
      tx(c.urgent ? 'reminder.digest.untaken_line_urgent' : 'reminder.digest.untaken_line', {
        number: c.number,
        category: categoryList(c),
        date: time(c.createdAt, 'date'),
      }),
    ],
    actions: [takeAction(c), showAction(c)],
  }));
  return [header, ...perCase, ...moreSection(group.total)];
}

/** The one daily message of a recipient: their open cases first, then what nobody has taken yet. */
export function digestCard(date: string, content: DigestContent): Card {
  const urgent =
    content.untaken.some((g) => g.cases.some((c) => c.urgent)) ||
    (content.owned?.cases.some((d) => d.items.some((i) => i.state === 'overdue')) ?? false);
  return {
    title: tx('reminder.digest.title', { date: time(date, 'date') }),
    tone: urgent ? 'urgent' : 'normal',
    sections: [...(content.owned ? ownedSections(content.owned) : []), ...content.untaken.flatMap(untakenSections)],
  };
}

/**
 * The re-announcement in the district's channel: a new message (not an edit of the alert) so it is noticed, with the
 * alert's minimal fields and its "Take case" button.
 */
export function channelEscalationCard(c: Case, districtName: string, waitedMs: number): Card {
  return {
    ...alertCard(c, districtName),
    title: tx(c.urgent ? 'reminder.escalation.channel_title_urgent' : 'reminder.escalation.channel_title', {
      number: c.number,
    }),
    lines: [tx('reminder.escalation.channel_text', { duration: durationText(waitedMs), count: c.escalations })],
  };
}

/** The escalation to the central contact's direct messages: take it, or look at it first. */
export function centralEscalationCard(c: Case, districtName: string, waitedMs: number): Card {
  const alert = alertCard(c, districtName);
  return {
    title: tx(c.urgent ? 'reminder.escalation.central_title_urgent' : 'reminder.escalation.central_title', {
      number: c.number,
    }),
    tone: c.urgent ? 'urgent' : 'normal',
    lines: [
      tx('reminder.escalation.central_text', {
        district: districtName,
        duration: durationText(waitedMs),
        count: c.escalations,
      }),
    ],
    ...(alert.fields ? { fields: alert.fields } : {}),
    actions: [takeAction(c), showAction(c)],
  };
}
