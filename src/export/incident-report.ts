import type { Case } from '../domain/case';
import type { Language } from '../domain/report';
import type { Text } from '../engine/prompt';
import { join, raw, time, tx } from '../engine/prompt';
import { translate } from '../i18n/translate';
import { spokenDateTime } from '../police/local-time';
import { reachText } from '../cases/reach-text';
import { evidenceLine } from '../evidence/evidence-lines';

/** One question of the template with its answer lines (empty when the case has no answer). */
export interface IncidentAnswer {
  /** The template's question, word for word (seed 003 Bilaga 4). */
  question: string;
  answer: string[];
}

/** The incident report of a case in the shape of seed 003 Bilaga 4, in words ready to print. */
export interface IncidentReport {
  title: string;
  /** "Ärende VP-2026-0001 · Norrby · inkom …": what identifies the case on paper. */
  subtitle: string;
  /** Every question of the template in its order, each with its answer. */
  answers: IncidentAnswer[];
  timelineHeading: string;
  timeline: string[];
  /** When and for whom it was made, and that it holds personal data. */
  footer: string;
  language: Language;
}

/** Where the case's district, municipality and owner are named, looked up by the caller from the directory. */
export interface IncidentContext {
  districtName: string;
  /** The municipality the case was shared with, by name, or null. */
  sharedWith: string | null;
  /** Who the export is made for (shown in the footer). */
  madeFor: string;
  now: Date;
}

/** The template's questions in order; the ones answered Ja/Nej are marked so they get "Ja", "Nej" or a blank. */
export const TEMPLATE_QUESTIONS = [
  'reporter',
  'target',
  'what',
  'when_where',
  'perpetrator',
  'group',
  'trigger',
  'measures',
  'experience',
  'police_contacted',
  'police_when',
  'police_reported',
  'police_wanted',
  'support_needed',
  'support_needs',
  'support_received',
  'support_description',
  'relatives_informed',
  'relatives_who',
  'party_informed',
  'municipality_informed',
  'municipality_who',
] as const;
type QuestionId = (typeof TEMPLATE_QUESTIONS)[number];

type Answer = Array<Text | undefined>;
const opt = (value: string | undefined | null): Text | undefined => (value ? raw(value) : undefined);
const labelled = (key: string, value: Text | undefined): Text | undefined =>
  value ? tx('export.answer.labelled', { label: tx(key), value }) : undefined;
const yes = tx('common.yes');
const no = tx('common.no');

function answers(c: Case, ctx: IncidentContext, language: Language): Record<QuestionId, Answer> {
  const r = c.report;
  const p = r.perpetrator;
  const police = r.police.status;
  const when = r.when.at ? (spokenDateTime(r.when.at, language) ?? r.when.at) : r.when.approximate;
  const receivedSupport = r.support.received || r.support.supportPerson;
  const informedMunicipality = r.informed.municipality || ctx.sharedWith;
  return {
    reporter: [
      raw(r.reporter.nameAndRole ?? c.reporter.displayName),
      r.reporter.onBehalf
        ? labelled('label.field.relation', opt(r.reporter.relation) ?? tx('label.on_behalf.other'))
        : tx('label.on_behalf.self'),
      // Only the owner and a municipality the exposed person said yes to export (mayExport): they may reach the member.
      labelled('case.field.reach', r.reachAt ? reachText(r.reachAt) : undefined),
    ],
    target: [opt(r.target.name), opt(r.target.role)],
    what: [
      labelled('label.field.categories', join(r.categories.map((k) => tx(`label.category.${k}`)))),
      labelled('label.field.channels', join(r.channels.map((k) => tx(`label.channel.${k}`)))),
      raw(r.description),
      labelled('label.field.hate_crime', r.hateCrimeMotive ? tx(`label.ynd.${r.hateCrimeMotive}`) : undefined),
      labelled(
        'label.section.evidence',
        r.evidence.length > 0 || r.evidenceNote
          ? join([...r.evidence.map(evidenceLine), ...(r.evidenceNote ? [raw(r.evidenceNote)] : [])], '; ')
          : undefined,
      ),
      labelled('label.field.sexual_character', r.sexualCharacter ? tx(`label.ynd.${r.sexualCharacter}`) : undefined),
    ],
    when_where: [
      labelled('label.field.when', opt(when)),
      r.when.ongoing ? tx('export.answer.ongoing') : undefined,
      labelled('label.field.where_place', opt(r.where.place)),
      labelled('label.field.where_link', opt(r.where.platformOrLink)),
      labelled('label.field.witnesses', opt(r.witnesses)),
      labelled('label.field.reached_target', r.reachedTarget ? tx(`label.ynd.${r.reachedTarget}`) : undefined),
    ],
    perpetrator: [
      p.known ? tx(`label.known.${p.known}`) : undefined,
      p.count ? tx(`label.count.${p.count}`) : undefined,
      opt(p.description),
      labelled('label.field.perpetrator_others', p.targetedOthers ? tx(`label.ynd.${p.targetedOthers}`) : undefined),
    ],
    group: [opt(p.group)],
    trigger: [opt(r.trigger)],
    measures: [opt(r.measuresDecided)],
    experience: [opt(r.experience)],
    police_contacted: [police === undefined ? undefined : police === 'contacted' || police === 'reported' ? yes : no],
    police_when: [opt(r.police.contactedWhen)],
    police_reported: [
      police === undefined ? undefined : police === 'reported' ? yes : no,
      labelled('label.field.police_case_number', opt(r.police.caseNumber)),
    ],
    police_wanted: [police === 'wants_help' ? yes : undefined],
    support_needed: [r.support.needed ? tx(`label.ynd.${r.support.needed}`) : undefined],
    support_needs: [opt(r.support.needs)],
    support_received: [receivedSupport ? yes : undefined],
    support_description: [
      opt(r.support.received),
      labelled('label.field.support_person', opt(r.support.supportPerson)),
    ],
    relatives_informed: [r.informed.relatives ? yes : undefined],
    relatives_who: [opt(r.informed.relatives)],
    // The case reached the party's security contact through Vaktpost; its owner is named.
    party_informed: [
      r.informed.partySecurity || c.owner ? yes : r.informed.partySecurity === false ? no : undefined,
      c.owner ? tx('export.answer.owner', { name: c.owner.displayName }) : undefined,
    ],
    municipality_informed: [informedMunicipality ? yes : undefined],
    municipality_who: [
      opt(r.informed.municipality),
      ctx.sharedWith ? tx('export.answer.shared', { name: ctx.sharedWith }) : undefined,
    ],
  };
}

/**
 * The case as seed 003 Bilaga 4 ("Mall för incidentrapport") asks for it: every question of the template in its
 * order and wording, each with the case's answer (a blank line where there is none, as on the paper form), then the
 * case's timeline. Pure: the caller looks up names and passes the time.
 */
export function incidentReport(c: Case, ctx: IncidentContext, language: Language): IncidentReport {
  const say = (text: Text): string => translate(language, text);
  const all = answers(c, ctx, language);
  return {
    language,
    title: say(tx('export.title')),
    subtitle: say(
      tx('export.subtitle', { number: c.number, district: ctx.districtName, submitted: time(c.createdAt) }),
    ),
    answers: TEMPLATE_QUESTIONS.map((id) => ({
      question: say(tx(`export.q.${id}`)),
      answer: all[id].filter((a): a is Text => a !== undefined).map(say),
    })),
    timelineHeading: say(tx('case.timeline.heading')),
    timeline: c.timeline.map((entry) =>
      say(
        tx(`case.timeline.${entry.kind}`, {
          at: time(entry.at),
          by: entry.by?.displayName ?? 'Vaktpost',
          detail: entry.detail ?? '',
        }),
      ),
    ),
    footer: say(tx('export.footer', { at: time(ctx.now.toISOString()), name: ctx.madeFor })),
  };
}
