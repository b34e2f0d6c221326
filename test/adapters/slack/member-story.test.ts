import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ACTION } from '../../../src/engine/actions';
import { asEvent, asInteraction, messageIm, viewSubmission } from './payloads';
import { SlackStory, type PostedButton } from './slack-story';

/**
 * The member's whole story in Slack (issue 12), over real HTTP against the fake Slack Web API: an urgent report reaches
 * the channel one answer after "ja"; the member hears of the escalation, the taking, the hand-over and the closing;
 * a file sent after submitting goes into the open case and the owner gets it; a later yes to sharing lets the owner
 * share with the municipality.
 */
const MIRA = 'U0MIRA';
const DM = 'D0MIRA';
const CHANNEL = 'C0NORRBY';
const HOUR = 3_600_000;
const DESCRIPTION = 'En man står utanför mitt hus och skriker att han ska döda mig.';
const REASON = 'Polisen har tagit över och Mira har stöd hemma.';
const today = new Date().toISOString().slice(0, 10);
const SAM_PERSON = `  - id: sam
    name: Sam Strateg
    email: sam@example.org
    accounts: { slack: U0SAM }`;
const MUNICIPALITIES = `municipalities:
  - id: norrby-kommun
    name: Norrby kommun
    securityOfficers: [sam]`;
const ticked = (value: string) => ({ 'vp:input#cb0': { type: 'checkboxes', selected_options: [{ value }] } });

let s: SlackStory;
let dir: string;
beforeEach(async () => {
  // The story directory with a municipality for Norrby and its security officer, Sam, on Slack.
  dir = await mkdtemp(join(tmpdir(), 'vaktpost-slack-member-'));
  const directory = (await readFile(resolve(__dirname, 'directory.slack.yml'), 'utf8'))
    .replace('\ndistricts:\n', `\n${SAM_PERSON}\ndistricts:\n`)
    .replace(
      'alertChannels: { slack: C0NORRBY }',
      'alertChannels: { slack: C0NORRBY }\n    municipality: norrby-kommun',
    )
    .replace('\ncentralContact:', `\n${MUNICIPALITIES}\ncentralContact:`);
  await writeFile(join(dir, 'directory.yml'), directory);
  s = await SlackStory.start({ DIRECTORY_FILE: join(dir, 'directory.yml') });
  // Everyone here writes Slack in Swedish.
  for (const [id, name] of [
    [MIRA, 'Mira Medlem'],
    ['U0KIM', 'Kim Kontakt'],
    ['U0ALEX', 'Alex Andrakontakt'],
    ['U0SAM', 'Sam Strateg'],
  ] as const) {
    s.fake.users.set(id, { name: id.toLowerCase(), realName: name, locale: 'sv-SE' });
  }
});
afterEach(async () => {
  await s.close();
  await rm(dir, { recursive: true, force: true });
});

/** What a person has read in a conversation, as one text (Slack escapes &, < and >). */
const read = (channel: string, from = 0): string =>
  s
    .messages(channel)
    .slice(from)
    .map((m) => `${m.text}\n${JSON.stringify(m.blocks)}`)
    .join('\n');

async function press(user: string, channel: string, test: (b: PostedButton) => boolean): Promise<void> {
  await s.deliver(asInteraction(s.pressPayload(user, s.latestButton(channel, test), channel)));
}

/** Presses a button that asks for input first: Slack opens our modal, the person fills it in and sends it. */
async function pressWithInput(user: string, channel: string, actionId: string, input: object): Promise<void> {
  await press(user, channel, (b) => b.action_id.startsWith(`${actionId}#`));
  const view = s.fake.callsOf('views.open').at(-1)?.args.view as { private_metadata: string };
  await s.deliver(asInteraction(viewSubmission(user, view.private_metadata, input)));
}

const byAction = (actionId: string) => (b: PostedButton) => b.action_id.startsWith(`${actionId}#`);

async function theCase() {
  const [c, ...more] = await s.app.stores.cases.list({});
  if (!c || more.length > 0) throw new Error('expected one case');
  return c;
}

describe('the member in a crisis, in Slack over real HTTP', () => {
  it('alerts within two answers after "ja", keeps the member told, adds a later file and shares after a later yes', async () => {
    // Urgent first: the alert is in the channel one answer after "ja".
    await s.say(MIRA, 'Hej');
    await s.answer(MIRA, 'emergency', 'yes');
    expect(s.messages(CHANNEL)).toHaveLength(0);
    await s.answer(MIRA, 'on_behalf', 'self');
    const early = await theCase();
    expect(s.messages(CHANNEL)).toHaveLength(1);
    expect(read(CHANNEL)).toContain(`AKUT ärende ${early.number}`);
    expect(read(DM)).toContain(early.number);

    // The rest fills the same case; the fast path asks about sharing once (Mira says no for now).
    await s.ok(MIRA, 'categories', ticked('threat'));
    await s.say(MIRA, DESCRIPTION);
    await s.ok(MIRA, 'channels', ticked('in_person_home'));
    await s.ok(MIRA, 'when', { 'vp:input#date': { type: 'datepicker', selected_date: today } });
    await s.answer(MIRA, 'more', 'submit_now');
    await s.answer(MIRA, 'consent_now', 'no');
    await s.answer(MIRA, 'reach', 'chat');
    await press(MIRA, DM, byAction(ACTION.submit));
    const c = await theCase();
    expect(c).toMatchObject({ id: early.id, number: early.number, urgent: true });
    expect(c.report.description).toBe(DESCRIPTION);
    expect(read(CHANNEL)).not.toContain('skriker');

    // Nobody takes it: the escalation is mirrored to Mira.
    let seen = s.messages(DM).length;
    s.advance(4 * HOUR + 60_000);
    await s.app.vaktpost.reminders.sweep(new Date(Date.now() + 4 * HOUR + 60_000), 'escalation');
    await s.settle();
    expect(read(DM, seen)).toContain(`Ingen har tagit ditt ärende ${c.number} än.`);

    // Kim takes it from the channel: Mira hears who helps her.
    seen = s.messages(DM).length;
    await press('U0KIM', CHANNEL, byAction(ACTION.caseTake));
    expect(read(DM, seen)).toContain(`Kim Kontakt har tagit ditt ärende ${c.number}`);

    // A file after submitting is offered as an addition to the open case, and Kim gets it.
    const url = s.fake.addMemberFile('bild-pa-bilen.png', Buffer.from('a photo of the car'));
    const file = {
      id: 'F0LATER',
      name: 'bild-pa-bilen.png',
      mimetype: 'image/png',
      permalink: 'https://example.slack.com/files/U0MIRA/F0LATER',
      url_private: url,
      url_private_download: url,
    };
    await s.deliver(asEvent(messageIm(MIRA, 'Här är bilen han kom i.', { files: [file] })));
    expect(read(DM)).toContain(`Lägga till i ${c.number}?`);
    await press(MIRA, DM, byAction('member:add'));
    expect((await theCase()).report.evidence.map((f) => f.name)).toEqual(['bild-pa-bilen.png']);
    expect(read('D0KIM')).toContain(`Mira Medlem har lagt till något i ärende ${c.number}`);
    expect(read('D0KIM')).toContain('bild-pa-bilen.png');
    expect(read(CHANNEL)).not.toContain('bild-pa-bilen');

    // Kim hands over to Alex; Mira hears who helps her now.
    seen = s.messages(DM).length;
    await pressWithInput('U0KIM', 'D0KIM', ACTION.caseHandover, {
      type: 'static_select',
      selected_option: { value: 'slack:U0ALEX', text: { type: 'plain_text', text: 'Alex Andrakontakt' } },
    });
    await press('U0ALEX', 'D0ALEX', byAction(ACTION.caseAccept));
    expect(read(DM, seen)).toContain(`har lämnats över till Alex Andrakontakt`);

    // Mira says yes to sharing later; Alex can then share with the municipality, whose officer gets the case.
    await s.say(MIRA, 'hur går det med mitt ärende?');
    await press(MIRA, DM, byAction('member:consent'));
    expect(read('D0ALEX')).toContain(`har sagt ja till att ärende ${c.number} delas med kommunen`);
    await press('U0ALEX', 'D0ALEX', byAction(ACTION.caseShare));
    expect((await theCase()).sharedWithMunicipality).toBe('norrby-kommun');
    expect(read('D0SAM')).toContain('skriker att han ska');

    // Alex closes it with a reason; Mira reads that it is closed and why.
    seen = s.messages(DM).length;
    await pressWithInput('U0ALEX', 'D0ALEX', ACTION.caseClose, { type: 'plain_text_input', value: REASON });
    expect(read(DM, seen)).toContain(`Ditt ärende ${c.number} är avslutat.`);
    expect(read(DM, seen)).toContain(REASON);
    // Slack's one message per second per conversation is kept in real time: the story takes several seconds.
  }, 120_000);
});
