import type { Case } from '../domain/case';
import type { Language } from '../domain/report';
import type { Directory } from '../directory/directory';
import type { Card, CardAction, CardSection, Text } from '../engine/prompt';
import { join, raw, tx } from '../engine/prompt';
import { spokenDateTime } from './local-time';
import { POLICE_ACTION } from './police-actions';

/** Where the exposed person holds office: the district's municipality, else the district (a region or county). */
export function officePlace(c: Case, directory: Directory): string {
  const district = directory.district(c.districtId);
  const municipality = district?.municipality ? directory.municipality(district.municipality) : undefined;
  return municipality?.name ?? district?.name ?? c.districtId;
}

/** The moment as spoken aloud in local Swedish time, or the member's own words when it is approximate. */
function whenText(c: Case, language: Language): Text {
  const exact = c.report.when.at ? spokenDateTime(c.report.when.at, language) : null;
  const words = exact ?? c.report.when.approximate;
  return words ? raw(words) : tx('police.text.blank');
}

function line(key: string, params?: Record<string, Text | string>): Text {
  return tx(key, params);
}

/** What the member wrote, without a closing full stop: the sentence around it has its own. */
function words(value: string): Text {
  return raw(value.trim().replace(/[.!]+$/, ''));
}

/**
 * What to say to the police, in the order of seed 003 Bilaga 3 ("Uppgifter som ska lämnas vid polisanmälan") with
 * the requests of seeds 000, 001 and 004 §3.1.2–3.1.3: what happened, when and where, the political office and that
 * the event may be linked to it, åtkomstskydd, a hate-crime motive when stated, witnesses, evidence, injuries, and
 * continuous feedback. Where the case has no answer the text leaves a blank to fill in rather than leaving it out,
 * so nothing the police asks for is forgotten on the phone.
 */
export function policeTextSections(c: Case, directory: Directory, language: Language): CardSection[] {
  const r = c.report;
  const name = r.target.name
    ? raw(r.target.name)
    : tx(r.reporter.onBehalf ? 'police.text.the_person' : 'police.text.me');
  const role = r.target.role ? words(r.target.role) : tx('police.text.blank');
  const place = raw(officePlace(c, directory));
  const what: Text[] = [
    line('police.text.what', { text: raw(r.description) }),
    line('police.text.kind', {
      categories: join(r.categories.map((k) => tx(`label.category.${k}`))),
      channels: join(r.channels.map((k) => tx(`label.channel.${k}`))),
    }),
    line('police.text.when', { when: whenText(c, language) }),
  ];
  if (r.when.ongoing) what.push(line('police.text.ongoing'));
  const where = [r.where.place, r.where.platformOrLink].filter((v): v is string => !!v);
  what.push(line('police.text.where', { where: where.length > 0 ? words(where.join(', ')) : tx('police.text.blank') }));

  const office: Text[] = r.reporter.onBehalf
    ? [
        line('police.text.on_behalf', {
          name,
          relation: r.reporter.relation ? words(r.reporter.relation) : tx('police.text.blank'),
        }),
        line('police.text.office_other', { name, role, place }),
      ]
    : [line('police.text.office_self', { role, place })];
  office.push(line('police.text.office_link'));
  if (r.trigger) office.push(line('police.text.trigger', { trigger: words(r.trigger) }));

  const who: Text[] = [];
  const p = r.perpetrator;
  if (p.known || p.count || p.description) {
    who.push(
      line('police.text.perpetrator', {
        known: p.known ? tx(`label.known.${p.known}`) : tx('police.text.blank'),
        count: p.count ? tx(`label.count.${p.count}`) : tx('police.text.blank'),
        description: p.description ? words(p.description) : tx('police.text.none_given'),
      }),
    );
  }
  if (p.group) who.push(line('police.text.group', { group: words(p.group) }));
  if (r.hateCrimeMotive === 'yes') who.push(line('police.text.hate_crime'));
  else if (r.hateCrimeMotive === 'dont_know') who.push(line('police.text.hate_crime_maybe'));

  const evidence: Text[] = [
    line('police.text.witnesses', { witnesses: r.witnesses ? words(r.witnesses) : tx('police.text.witnesses_blank') }),
  ];
  if (r.evidence.length > 0 || r.evidenceNote) {
    const files = r.evidence.map((f) => f.name);
    const parts = [...files, ...(r.evidenceNote ? [r.evidenceNote] : [])];
    evidence.push(
      line('police.text.evidence', { evidence: words(parts.map((v) => v.trim().replace(/[.!]+$/, '')).join('; ')) }),
    );
  } else {
    evidence.push(line('police.text.evidence_blank'));
  }
  if (r.categories.includes('violence_person')) evidence.push(line('police.text.injuries'));

  const requests: Text[] = [line('police.text.protected'), line('police.text.feedback')];
  if (r.police.caseNumber) requests.push(line('police.text.case_number', { number: raw(r.police.caseNumber) }));

  return [
    { heading: tx('police.heading.what'), lines: what },
    { heading: tx('police.heading.office'), lines: office },
    ...(who.length > 0 ? [{ heading: tx('police.heading.perpetrator'), lines: who }] : []),
    { heading: tx('police.heading.evidence'), lines: evidence },
    { heading: tx('police.heading.requests'), lines: requests },
  ];
}

/** The button that records the police's case number; offered on the helper and on the case cards. */
export function policeNumberAction(c: Case): CardAction {
  return {
    id: POLICE_ACTION.number,
    label: tx(c.report.police.caseNumber ? 'police.action.change_number' : 'police.action.add_number'),
    value: c.id,
    input: { label: tx('police.input.number'), required: true, maxLength: 100 },
  };
}

/** The button that opens the helper. */
export function policeTextAction(c: Case): CardAction {
  return { id: POLICE_ACTION.text, label: tx('police.action.text'), value: c.id };
}

/**
 * The police-report helper as a card: how to report (112 / 114 14 / polisen.se), the ready text, and the button to
 * add the case number afterwards. It never files anything: the exposed person decides (DOMAIN rule 8).
 */
export function policeTextCard(c: Case, directory: Directory, language: Language): Card {
  return {
    title: tx('police.title', { number: c.number }),
    tone: c.urgent ? 'urgent' : 'normal',
    lines: [
      tx(c.urgent || c.report.when.ongoing ? 'police.intro_urgent' : 'police.intro'),
      tx('police.decision'),
      tx('police.have_ready'),
    ],
    sections: policeTextSections(c, directory, language),
    actions: [policeNumberAction(c)],
  };
}

/** Offered with the receipt of a report: the ready text for the police, and where to add their number later. */
export function policeOfferCard(c: Case): Card {
  return {
    title: tx('police.offer.title', { number: c.number }),
    tone: 'normal',
    lines: [tx(c.report.police.caseNumber ? 'police.offer.has_number' : 'police.offer.text')],
    actions: [policeTextAction(c), policeNumberAction(c)],
  };
}
