import type { Case } from '../domain/case';
import type { Report } from '../domain/report';
import type { Directory } from '../directory/directory';
import { ACTION } from '../engine/actions';
import type { CardSection } from '../engine/prompt';
import { tx } from '../engine/prompt';
import type { CaseRepository } from '../ports/case-repository';
import { roleOn } from './access';

/** What a perpetrator can be recognised by across cases. */
export type IdentifierKind = 'phone' | 'email' | 'handle' | 'name';

/** One normalised identifier, e.g. `{ kind: 'phone', value: '0701234567' }`. */
export interface Identifier {
  kind: IdentifierKind;
  value: string;
}

const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu;
const HANDLE = /(?:^|[^\p{L}\d_@.])@([\p{L}\d_.]{2,40})/gu;
// A run of digits with the separators people type (spaces, -, parentheses, dots), optionally after + or 00.
const PHONE = /(?:\+|\b00)?\d[\d\s\-().]{5,18}\d/g;
const NAME = /\b\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,2}\b/gu;

/**
 * A phone number as one string of digits in the national form: "+46 70-123 45 67", "0046701234567" and
 * "070-123 45 67" all become "0701234567". A foreign number keeps its "+country" form. Dates, years and case numbers
 * (which do not start with 0 or +) are no phone numbers.
 */
export function normalisePhone(text: string): string | null {
  const trimmed = text.trim();
  const international = trimmed.startsWith('+') || trimmed.startsWith('00');
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('00')) digits = digits.slice(2);
  if (international) {
    if (digits.startsWith('46')) digits = `0${digits.slice(2).replace(/^0/, '')}`;
    else return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  }
  if (!digits.startsWith('0') || digits.startsWith('00')) return null;
  return digits.length >= 8 && digits.length <= 11 ? digits : null;
}

/** An e-mail address in lower case. */
export const normaliseEmail = (text: string): string => text.trim().toLowerCase();
/** A handle without its @, in lower case: "@Hatkonto_99" and "hatkonto_99" are the same. */
export const normaliseHandle = (text: string): string => text.trim().replace(/^@+/, '').toLowerCase();
/** A name in lower case with single spaces: "Nils  Nilsson" and "nils nilsson" are the same. */
export const normaliseName = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

function add(found: Map<string, Identifier>, kind: IdentifierKind, value: string | null): void {
  if (value) found.set(`${kind}:${value}`, { kind, value });
}

/**
 * The perpetrator identifiers a report names: phone numbers, e-mail addresses and @handles anywhere the member
 * described the perpetrator, the event or where it happened; names (two or three capitalised words) only in the
 * description of the perpetrator, where a name is about them.
 */
export function identifiersOf(report: Report): Identifier[] {
  const found = new Map<string, Identifier>();
  const perpetrator = [report.perpetrator.description, report.perpetrator.group].filter(Boolean).join('\n');
  const texts = [perpetrator, report.where.platformOrLink ?? '', report.description].join('\n');
  const withoutEmails = texts.replace(EMAIL, (email) => {
    add(found, 'email', normaliseEmail(email));
    return ' ';
  });
  for (const match of withoutEmails.matchAll(HANDLE)) add(found, 'handle', normaliseHandle(match[1] ?? ''));
  for (const match of withoutEmails.matchAll(PHONE)) add(found, 'phone', normalisePhone(match[0]));
  const names = perpetrator.replace(EMAIL, ' ').replace(/\s+/g, ' ');
  for (const match of names.matchAll(NAME)) add(found, 'name', normaliseName(match[0]));
  return [...found.values()];
}

/** An earlier case that names one of the same identifiers, and which kinds matched. */
export interface RepeatMatch {
  caseId: string;
  number: string;
  kinds: IdentifierKind[];
}

/**
 * "Possibly the same person as in VP-2026-0012": earlier cases of the same district (of every district for the
 * central contact) that name the same phone number, e-mail address, handle or name as this one. Only cases the viewer
 * may see themselves are named, so the link never opens a case they could not open anyway, and members never get
 * this at all. It says "possibly": a shared name is a hint for the contact, not a finding.
 */
export class RepeatPerpetrators {
  constructor(
    private readonly cases: CaseRepository,
    private readonly directory: Directory,
  ) {}

  async matchesFor(c: Case, viewerUserId: string): Promise<RepeatMatch[]> {
    const role = roleOn(this.directory, viewerUserId, c);
    if (role !== 'owner' && role !== 'contact' && role !== 'central') return [];
    const own = identifiersOf(c.report);
    if (own.length === 0) return [];
    const wanted = new Set(own.map((i) => `${i.kind}:${i.value}`));
    const districtIds = this.directory.isCentral(viewerUserId)
      ? this.directory.districts().map((d) => d.id)
      : [c.districtId];
    const earlier = (await this.cases.list({ districtIds })).filter(
      (other) => other.id !== c.id && Date.parse(other.createdAt) <= Date.parse(c.createdAt),
    );
    const matches: RepeatMatch[] = [];
    for (const other of earlier) {
      const otherRole = roleOn(this.directory, viewerUserId, other);
      if (otherRole !== 'owner' && otherRole !== 'contact' && otherRole !== 'central') continue;
      const kinds = [
        ...new Set(
          identifiersOf(other.report)
            .filter((i) => wanted.has(`${i.kind}:${i.value}`))
            .map((i) => i.kind),
        ),
      ];
      if (kinds.length > 0) matches.push({ caseId: other.id, number: other.number, kinds });
    }
    return matches.sort((a, b) => a.number.localeCompare(b.number));
  }

  /** The card section naming the matches with a "Show" button each, or none. */
  async sectionsFor(c: Case, viewerUserId: string): Promise<CardSection[]> {
    const matches = await this.matchesFor(c, viewerUserId);
    if (matches.length === 0) return [];
    return [
      {
        heading: tx('repeat.heading'),
        lines: [
          ...matches.map((m) =>
            tx('repeat.line', { number: m.number, kinds: { join: m.kinds.map((k) => tx(`repeat.kind.${k}`)) } }),
          ),
          tx('repeat.hint'),
        ],
        actions: matches.map((m) => ({
          id: ACTION.caseView,
          label: tx('repeat.show', { number: m.number }),
          value: m.caseId,
        })),
      },
    ];
  }
}
