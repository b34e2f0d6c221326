import type { Report } from '../domain/report';
import type { CardField, CardSection, Text } from '../engine/prompt';
import { join, raw, tx } from '../engine/prompt';
import { whenText } from '../engine/when-text';
import { evidenceLine } from '../evidence/evidence-lines';

type Maybe = string | undefined | null;

const text = (value: Maybe): Text | undefined => (value ? raw(value) : undefined);
const choice = (prefix: string, value: Maybe): Text | undefined => (value ? tx(`${prefix}.${value}`) : undefined);
const yesNo = (value: boolean | undefined): Text | undefined =>
  value === undefined ? undefined : tx(value ? 'common.yes' : 'common.no');

/** A list, or "not told yet" while an urgent case waits for its details. */
const listOr = (items: Text[]): Text => (items.length > 0 ? join(items) : tx('case.category.pending'));

function fields(entries: Array<[string, Text | undefined]>): CardField[] {
  return entries
    .filter((entry): entry is [string, Text] => entry[1] !== undefined)
    .map(([key, value]) => ({ label: tx(`label.field.${key}`), value }));
}

/**
 * The report as card sections VEM / VAD / HUR / NÄR & VAR / perpetrator / police & support, leaving out what the member
 * did not answer. Everything the member wrote is raw text; renderers escape it.
 */
export function reportSections(report: Report): CardSection[] {
  const when = report.when.at ?? report.when.approximate;
  const sections: CardSection[] = [
    {
      heading: tx('label.section.who'),
      fields: fields([
        ['on_behalf', tx(report.reporter.onBehalf ? 'label.on_behalf.other' : 'label.on_behalf.self')],
        ['reporter_name_role', text(report.reporter.nameAndRole)],
        ['relation', text(report.reporter.relation)],
        ['target_name', text(report.target.name)],
        ['target_role', text(report.target.role)],
      ]),
    },
    {
      heading: tx('label.section.what'),
      fields: fields([
        ['categories', listOr(report.categories.map((c) => tx(`label.category.${c}`)))],
        ['hate_crime', choice('label.ynd', report.hateCrimeMotive)],
        ['sexual_character', choice('label.ynd', report.sexualCharacter)],
        ['description', raw(report.description)],
        ['experience', text(report.experience)],
      ]),
    },
    {
      heading: tx('label.section.how_when_where'),
      fields: fields([
        ['channels', listOr(report.channels.map((c) => tx(`label.channel.${c}`)))],
        ['ladder_step', choice('label.ladder', report.ladderStep)],
        ['when', when ? whenText(when) : undefined],
        ['ongoing', yesNo(report.when.ongoing)],
        ['where_place', text(report.where.place)],
        ['where_link', text(report.where.platformOrLink)],
      ]),
    },
    {
      heading: tx('label.section.perpetrator'),
      fields: fields([
        ['perpetrator_known', choice('label.known', report.perpetrator.known)],
        ['perpetrator_count', choice('label.count', report.perpetrator.count)],
        ['perpetrator_description', text(report.perpetrator.description)],
        ['perpetrator_group', text(report.perpetrator.group)],
        ['perpetrator_others', choice('label.ynd', report.perpetrator.targetedOthers)],
        ['trigger', text(report.trigger)],
        ['witnesses', text(report.witnesses)],
        ['reached_target', choice('label.ynd', report.reachedTarget)],
      ]),
    },
    {
      heading: tx('label.section.police_support'),
      fields: fields([
        ['police', choice('label.police', report.police.status)],
        ['police_when', text(report.police.contactedWhen)],
        ['police_case_number', text(report.police.caseNumber)],
        ['support_needed', choice('label.ynd', report.support.needed)],
        ['support_needs', text(report.support.needs)],
        ['support_received', text(report.support.received)],
        ['support_person', text(report.support.supportPerson)],
        ['informed_relatives', text(report.informed.relatives)],
        ['informed_party', yesNo(report.informed.partySecurity)],
        ['informed_municipality', text(report.informed.municipality)],
        ['measures', text(report.measuresDecided)],
        ['consent_municipality', yesNo(report.consentMunicipality)],
      ]),
    },
    {
      heading: tx('label.section.evidence'),
      fields: fields([['evidence_note', text(report.evidenceNote)]]),
      lines: report.evidence.map(evidenceLine),
    },
  ];
  return sections.filter((s) => (s.fields?.length ?? 0) > 0 || (s.lines?.length ?? 0) > 0);
}
