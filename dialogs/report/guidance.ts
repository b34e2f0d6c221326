import type { Channel } from '../../src/domain/categories';
import type { Report } from '../../src/domain/report';
import type { Card, Prompt, Text } from '../../src/engine/prompt';
import { tx } from '../../src/engine/prompt';
import { guidanceOffer, type GuidanceTopic } from '../guidance/topics';

/** Before the first question: who the bot is, that it takes a few minutes, and that 112 is for emergencies. */
export const reportIntro: Prompt[] = [{ kind: 'message', text: tx('report.intro') }];

/**
 * After the report is stored: police-report guidance (rule 8), evidence advice for the channels used (rule 9) and a
 * plain account of what help is on offer and what is not (rule 13). Nothing here says how dangerous a threat is
 * (rule 5): that is the police's assessment.
 */
export function reportAfterSubmit(report: Report): Prompt[] {
  const more = guidanceTopicsFor(report);
  return [
    card(policeCard(report)),
    card(evidenceCard(report)),
    card(helpCard(report)),
    ...(more.length > 0 ? [card(guidanceOffer(more))] : []),
  ];
}

/** Guidance that fits what happened, offered as buttons after the cards above (never in place of 112). */
function guidanceTopicsFor(report: Report): GuidanceTopic[] {
  const topics: GuidanceTopic[] = [];
  if (report.channels.includes('social_media')) topics.push('hate_storm', 'digital');
  if (report.channels.some((c) => c === 'meeting' || c === 'in_person_public')) topics.push('meeting_after');
  return topics;
}

function card(value: Card): Prompt {
  return { kind: 'card', card: value };
}

function policeCard(report: Report): Card {
  const lines: Text[] = [];
  if (report.urgent) lines.push(tx('report.after.police.urgent'));
  if (report.police.status === 'reported') lines.push(tx('report.after.police.already_reported'));
  if (report.police.status === 'wants_help') lines.push(tx('report.after.police.wants_help'));
  lines.push(
    tx('report.after.police.decision'),
    tx('report.after.police.numbers'),
    tx('report.after.police.office'),
    tx('report.after.police.protected'),
    tx(report.hateCrimeMotive === 'yes' ? 'report.after.police.hate_crime_yes' : 'report.after.police.hate_crime'),
    tx('report.after.police.feedback'),
  );
  return { title: tx('report.after.police.title'), tone: report.urgent ? 'urgent' : 'normal', lines };
}

/** Advice per channel (seed 003 Bilaga 5, seed 001 UNDER); the three kinds of direct contact share one line. */
const EVIDENCE_OF_CHANNEL: Record<Channel, string | null> = {
  social_media: 'report.after.evidence.social_media',
  email: 'report.after.evidence.email',
  sms: 'report.after.evidence.sms',
  phone: 'report.after.evidence.phone',
  letter: 'report.after.evidence.letter',
  in_person_home: 'report.after.evidence.in_person',
  in_person_public: 'report.after.evidence.in_person',
  meeting: 'report.after.evidence.in_person',
  other: null,
};

function evidenceCard(report: Report): Card {
  const keys = new Set<string>(['report.after.evidence.general']);
  for (const channel of report.channels) {
    const key = EVIDENCE_OF_CHANNEL[channel];
    if (key) keys.add(key);
  }
  if (report.categories.includes('violence_person')) keys.add('report.after.evidence.injury');
  if (report.categories.some((c) => c === 'violence_property' || c === 'vandalism')) {
    keys.add('report.after.evidence.property');
  }
  return { title: tx('report.after.evidence.title'), tone: 'normal', lines: [...keys].map((key) => tx(key)) };
}

function helpCard(report: Report): Card {
  return {
    title: tx('report.after.help.title'),
    tone: 'normal',
    lines: [
      tx('report.after.help.follow_up'),
      tx('report.after.help.support'),
      tx('report.after.help.not_police'),
      tx('report.after.help.no_assessment'),
      tx(report.consentMunicipality ? 'report.after.help.shared_municipality' : 'report.after.help.party_only'),
    ],
  };
}
