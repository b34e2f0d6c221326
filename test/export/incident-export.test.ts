import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ACTION } from '../../src/engine/actions';
import { EXPORT_ACTION } from '../../src/export/export-actions';
import type { Report } from '../../src/domain/report';
import { startTestApp, type TestApp } from '../support/app-harness';
import { makeReport } from '../support/fixtures';

/** The SHA-256 recorded when the member's file arrived (evidence integrity): Bilaga 4 carries it. */
const SHA = 'a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdefabcdef0123';

/**
 * The incident report of seed 003 Bilaga 4 through the real app and its one HTTP server: the owner's button, the
 * short-lived links, the page and the PDF, the municipality only after consented sharing, and the record of it.
 */

/** The questions of seed 003 Bilaga 4, in order and word for word, as the template prints them. */
const BILAGA_4 = [
  'Vem rapporterar incidenten? (Namn, funktion, relation till den utsatte)',
  'Vem utsattes? (Namn, nämnd/styrelse)',
  'Vad utsattes personen för? (Beskriv händelsen så detaljerat som möjligt. Hot, våld, trakasserier, skadegörelse, korruption? Via brev, telefonsamtal, sms, personligt framfört?)',
  'När och var inträffade händelsen? Var det någon annan som såg händelsen? (Exempelvis annan förtroendevald, familjemedlem. Nådde hotet fram till den tänkta mottagaren?)',
  'Vem/vilka utsatte den förtroendevalda? (Känd, okänd förövare? En eller flera personer? Kön, ungefärlig ålder, kroppsbyggnad och längd? Dialekt, utmärkande drag som ärr och kläder så som skor? Har förövaren utsatt andra förtroendevalda?)',
  'Antas förövaren tillhöra en gruppering av något slag? (Ja/nej. Om ja, vilken?)',
  'Finns någon känd utlösande faktor? (Exempelvis särskild politisk fråga, ett beslut eller annat?)',
  'Beslut om eventuella åtgärder? (Exempelvis polisanmälan, skyddsåtgärder för den utsatte?)',
  'Hur upplevde den utsatte incidenten? (Skrämmande eller inte? Allvarligt menad eller inte? Andra känslor/upplevelser?)',
  'Har polisen kontaktats?',
  'Om ja, när?',
  'Har incidenten polisanmälts?',
  'Om inte, vill den utsatte att incidenten polisanmäls?',
  'Har den utsatte uttryckt behov av stöd/hjälp?',
  'Om ja, vilka behov?',
  'Har den utsatte fått stöd/hjälp?',
  'Beskrivning av stöd/hjälp/andra åtgärder',
  'Har anhöriga informerats',
  'Vem/vilka?',
  'Har säkerhetsansvarig i partiet eller annan ledande förtroendevald i partiet informerats?',
  'Har eventuella kommunala verksamheter informerats?',
  'Vem/vilka?',
];

/** A report with every Bilaga 4 field answered (as the full dialog stores it). */
const FULL: Partial<Report> = {
  reporter: { onBehalf: true, relation: 'Kollega i fullmäktigegruppen', nameAndRole: 'Alex Exempel, gruppledare' },
  target: { name: 'Åsa Örn', role: 'Ledamot i kultur- och fritidsnämnden' },
  categories: ['threat', 'harassment'],
  hateCrimeMotive: 'yes',
  sexualCharacter: 'no',
  description: 'Ett brev med hot om våld låg i brevlådan; samma avsändare skrev på sociala medier.',
  channels: ['social_media', 'letter'],
  ladderStep: 'letter_or_parcel',
  when: { at: '2026-03-01T21:15', ongoing: true },
  where: { place: 'Torget i Exempelby', platformOrLink: 'https://social.example.org/post/1' },
  perpetrator: {
    known: 'unknown',
    count: 'one',
    description: 'Man, ca 50 år, skånsk dialekt',
    group: 'Vet inte',
    targetedOthers: 'dont_know',
  },
  trigger: 'Beslutet om nya moskén',
  witnesses: 'Grannen såg brevet',
  reachedTarget: 'yes',
  experience: 'Skrämmande',
  measuresDecided: 'Sällskap till möten',
  evidence: [{ id: 'console:F1', name: 'skärmdump.png', url: 'https://files.example.org/F1', sha256: SHA }],
  evidenceNote: 'Brevet ligger i en plastpåse hemma.',
  police: { status: 'reported', contactedWhen: '2026-03-02', caseNumber: '5000-K123456-26' },
  support: { needed: 'yes', needs: 'Sällskap hem från möten', received: 'Samtal med Kim', supportPerson: 'Kim Stöd' },
  informed: { relatives: 'Hennes partner', partySecurity: true, municipality: 'Kommunens säkerhetsstrateg' },
  consentMunicipality: true,
};

const SHOTS = resolve(__dirname, '../../test-artifacts/export');
const START = new Date('2026-03-02T08:00:00.000Z');
let time = START.getTime();
const clock = { now: () => new Date(time) };
let app: TestApp;

beforeEach(async () => {
  time = START.getTime();
  app = await startTestApp({ clock, listen: true });
});
afterEach(() => app.close());

async function caseOf(report: Partial<Report>, id: string) {
  const c = await app.vaktpost.cases.submit(
    {
      id,
      reporter: { userId: app.userId('mira'), displayName: 'Mira Medlem', address: app.dm('mira'), language: 'sv' },
      districtId: 'norrby',
      report: makeReport(report),
      exposedUserId: null,
    },
    clock.now(),
  );
  await app.press('kim', ACTION.caseTake, c.id);
  return c;
}

/** Presses the export button as `account` and returns the two links from the answer (or none). */
async function linksFor(account: string, caseId: string): Promise<{ html?: string; pdf?: string; text: string }> {
  await app.press(account, EXPORT_ACTION.incident, caseId);
  const text = app.notifier.lastTextOf(app.dm(account));
  return {
    html: /Utskriftsvänlig sida: (\S+)/.exec(text)?.[1],
    pdf: /PDF: (\S+)/.exec(text)?.[1],
    text,
  };
}

/** Text of a page without its markup, with the entities the renderer writes turned back. */
function pageText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** Asserts every question in order, and returns the answer lines under each. */
function answersInOrder(text: string): string[][] {
  const lines = text.split('\n');
  const found: string[][] = [];
  let at = 0;
  for (const [i, question] of BILAGA_4.entries()) {
    const index = lines.findIndex((line, n) => n >= at && line.endsWith(question));
    expect({ question: i + 1, found: index >= at }).toEqual({ question: i + 1, found: true });
    const next = BILAGA_4[i + 1];
    const end = next ? lines.findIndex((line, n) => n > index && line.endsWith(next)) : lines.length;
    found.push(lines.slice(index + 1, end === -1 ? lines.length : end));
    at = index + 1;
  }
  return found;
}

describe('the Bilaga 4 incident report', () => {
  it('has every template question in order with the answers, as a page and as a PDF with Swedish letters', async () => {
    const c = await caseOf(FULL, 'export-1');
    await app.press('kim', ACTION.caseShare, c.id);
    await app.press('kim', ACTION.caseView, c.id);
    expect(app.notifier.actions(app.dm('kim'), EXPORT_ACTION.incident).map((a) => a.value)).toContain(c.id);

    const links = await linksFor('kim', c.id);
    expect(links.text).toContain(`Incidentrapport för ärende ${c.number}`);
    expect(links.text).toContain('gäller i 15 minuter');
    expect(links.html).toMatch(new RegExp(`^${app.vaktpost.url}/exports/`));

    const page = await fetch(links.html ?? '');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const text = pageText(await page.text());
    const answers = answersInOrder(text);
    expect(answers[0]).toEqual([
      'Alex Exempel, gruppledare',
      'Relation till den utsatta: Kollega i fullmäktigegruppen',
    ]);
    expect(answers[1]).toEqual(['Åsa Örn', 'Ledamot i kultur- och fritidsnämnden']);
    expect(answers[2]).toContain('Ett brev med hot om våld låg i brevlådan; samma avsändare skrev på sociala medier.');
    expect(answers[2]?.join('\n')).toContain('Hot, Trakasserier');
    expect(answers[3]?.join('\n')).toContain('söndag 1 mars 2026 kl. 21:15');
    expect(answers[3]?.join('\n')).toContain('Grannen såg brevet');
    expect(answers[4]?.join('\n')).toContain('Man, ca 50 år, skånsk dialekt');
    expect(answers[5]).toEqual(['Vet inte']);
    expect(answers[6]).toEqual(['Beslutet om nya moskén']);
    expect(answers[7]).toEqual(['Sällskap till möten']);
    expect(answers[8]).toEqual(['Skrämmande']);
    expect(answers[9]).toEqual(['Ja']);
    expect(answers[10]).toEqual(['2026-03-02']);
    expect(answers[11]).toEqual(['Ja', 'Polisens diarienummer: 5000-K123456-26']);
    expect(answers[13]).toEqual(['Ja']);
    expect(answers[14]).toEqual(['Sällskap hem från möten']);
    expect(answers[15]).toEqual(['Ja']);
    expect(answers[17]).toEqual(['Ja']);
    expect(answers[18]).toEqual(['Hennes partner']);
    expect(answers[19]?.[0]).toBe('Ja');
    expect(answers[21]?.join('\n')).toContain('Norrby kommun');
    expect(text).toContain('Händelser');
    expect(text).toMatch(/Taget av Kim Kontakt/);
    expect(text).toContain(`skärmdump.png · SHA-256 ${SHA}`);

    const pdf = await fetch(links.pdf ?? '');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = await mkdtemp(join(tmpdir(), 'vaktpost-pdf-'));
    try {
      const file = join(dir, 'incident.pdf');
      writeFileSync(file, bytes);
      // poppler-utils (scripts/test-all.sh installs it): the PDF must open, hold the embedded font and the text.
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/DejaVuSans.*yes/);
      const pdfText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const word of ['Åsa Örn', 'Skrämmande', 'Vad utsattes personen för?', 'Sällskap hem från möten']) {
        expect(pdfText).toContain(word);
      }
      const flat = pdfText.replace(/\s+/g, ' ');
      // The hash may wrap at the column's edge: it is there when the spaces are taken out.
      expect(pdfText.replace(/\s+/g, '')).toContain(`skärmdump.png·SHA-256${SHA}`);
      let at = 0;
      for (const question of BILAGA_4) {
        const index = flat.indexOf(question.replace(/\s+/g, ' '), at);
        expect({ question, found: index >= 0 }).toEqual({ question, found: true });
        at = index + 1;
      }
      // Rendered to a picture, kept under test-artifacts/ to be looked at.
      execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, join(dir, 'page')]);
      const png = await readFile(join(dir, 'page-1.png'));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(20_000);
      mkdirSync(SHOTS, { recursive: true });
      writeFileSync(join(SHOTS, 'incident-report-page-1.png'), png);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const stored = await app.stores.cases.get(c.id);
    expect(stored?.timeline.filter((e) => e.kind === 'exported').map((e) => [e.by?.displayName, e.detail])).toEqual([
      ['Kim Kontakt', 'HTML'],
      ['Kim Kontakt', 'PDF'],
    ]);
    await app.press('kim', ACTION.caseView, c.id);
    expect(app.notifier.lastTextOf(app.dm('kim'))).toContain('Kim Kontakt hämtade incidentrapporten (PDF)');
  });

  it('is not for the municipality before consented sharing, and is once the case is shared', async () => {
    const c = await caseOf({ ...FULL, consentMunicipality: false }, 'export-2');
    // Sam (the municipality's officer) has no button and no way in before the case is shared.
    const before = await linksFor('sam', c.id);
    expect(before.html).toBeUndefined();
    expect(before.text).toContain('Jag hittar inget sådant ärende.');
    // A link made for Sam anyway (as if forged by someone who knows the secret's shape) opens nothing.
    const links = app.vaktpost.exports.links;
    const forged = links.url(links.token('incident.pdf', app.userId('sam'), c.id, clock.now()));
    const refused = await fetch(forged);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('Åsa');
    // Kim cannot share without consent, so Sam still cannot export.
    await app.press('kim', ACTION.caseShare, c.id);
    expect((await fetch(forged)).status).toBe(403);

    const consented = await caseOf(FULL, 'export-3');
    await app.press('kim', ACTION.caseShare, consented.id);
    const after = await linksFor('sam', consented.id);
    const page = await fetch(after.pdf ?? '');
    expect(page.status).toBe(200);
    const stored = await app.stores.cases.get(consented.id);
    expect(stored?.timeline.at(-1)).toMatchObject({
      kind: 'exported',
      by: { displayName: 'Sam Strateg' },
      detail: 'PDF',
    });
    // A district contact who does not own the case has no export either.
    expect((await linksFor('alex', consented.id)).text).toContain('kan bara hämtas av ärendets ansvariga');
  });

  it('lives a short while: an expired or altered link opens nothing and says why', async () => {
    const c = await caseOf(FULL, 'export-4');
    const { html } = await linksFor('kim', c.id);
    const token = html?.split('/exports/')[1] ?? '';
    const altered = `${app.vaktpost.url}/exports/${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}x`;
    expect((await fetch(altered)).status).toBe(410);
    time += 16 * 60_000;
    const expired = await fetch(html ?? '');
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Länken gäller inte längre');
    const stored = await app.stores.cases.get(c.id);
    expect(stored?.timeline.some((e) => e.kind === 'exported')).toBe(false);
  });
});

// The test needs poppler-utils; say how to get it rather than fail obscurely.
beforeAll(() => {
  if (!existsSync('/usr/bin/pdftoppm')) {
    throw new Error('pdftoppm is missing: apt-get install poppler-utils (npm run test:all installs it)');
  }
});
