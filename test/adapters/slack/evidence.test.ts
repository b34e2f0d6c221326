import { createHash, randomBytes } from 'node:crypto';
import { ACTION } from '../../../src/engine/actions';
import { asEvent, asInteraction, messageIm } from './payloads';
import { SlackStory } from './slack-story';

const MIRA = 'U0MIRA';
const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
const ticked = (value: string) => ({ 'vp:input#cb0': { type: 'checkboxes', selected_options: [{ value }] } });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let s: SlackStory;
afterEach(async () => {
  await s.close();
});

/** Mira starts a report, sends a file in the DM as Slack delivers it (file_share), and sends the report. */
async function reportWithFile(name: string, bytes: Buffer): Promise<void> {
  const url = s.fake.addMemberFile(name, bytes);
  await s.say(MIRA, 'Hej');
  await s.answer(MIRA, 'emergency', 'no');
  await s.deliver(
    asEvent(
      messageIm(MIRA, '', {
        files: [
          {
            id: 'F0MIRA1',
            name,
            mimetype: 'image/png',
            permalink: 'https://example.slack.com/files/U0MIRA/F0MIRA1',
            url_private: url,
            url_private_download: url,
          },
        ],
      }),
    ),
  );
  await s.answer(MIRA, 'on_behalf', 'self');
  await s.ok(MIRA, 'categories', ticked('threat'));
  await s.say(MIRA, 'Ett hotfullt meddelande med en bild.');
  await s.ok(MIRA, 'channels', ticked('social_media'));
  await s.ok(MIRA, 'when', { 'vp:input#date': { type: 'datepicker', selected_date: twoDaysAgo } });
  await s.answer(MIRA, 'more', 'submit_now');
  // With a file sent, the report asks about evidence once more before the summary: Mira says she is done.
  const done = s.latestButton('D0MIRA', (b) => b.action_id.startsWith(ACTION.control) && b.value.includes('done'));
  await s.deliver(asInteraction(s.pressPayload(MIRA, done, 'D0MIRA')));
  const submit = s.latestButton('D0MIRA', (b) => b.action_id.startsWith(`${ACTION.submit}#`));
  await s.deliver(asInteraction(s.pressPayload(MIRA, submit, 'D0MIRA')));
}

async function kimTakes(): Promise<void> {
  const take = s.latestButton('C0NORRBY', (b) => b.action_id.startsWith(`${ACTION.caseTake}#`));
  await s.deliver(asInteraction(s.pressPayload('U0KIM', take, 'C0NORRBY')));
}

describe('evidence the owner can open, on Slack', () => {
  it('gives the owner the member’s file itself, byte for byte, with its SHA-256 on the case and the card', async () => {
    s = await SlackStory.start();
    const bytes = randomBytes(200_000);
    await reportWithFile('skarmbild-hotet.png', bytes);

    const [stored] = await s.app.stores.cases.list({});
    const file = stored?.report.evidence[0];
    expect(file?.sha256).toBe(sha256(bytes));
    expect(file?.size).toBe(bytes.length);
    // The bot fetched the file with its token, once.
    expect(s.fake.callsOf('files-pri')).toHaveLength(1);
    // Vaktpost's copy is encrypted: the stored blob does not contain the file.
    const blobs = await s.app.stores.blobs.ids();
    expect(blobs).toHaveLength(1);
    const copy = await s.app.stores.blobs.get(blobs[0] as string);
    expect(copy?.includes(bytes.subarray(0, 64))).toBe(false);
    // Nobody has the file before the case is taken; the channel never does.
    expect(s.fake.uploads.size).toBe(0);

    await kimTakes();
    const shared = s.fake.uploadsIn('D0KIM');
    expect(shared).toHaveLength(1);
    expect(shared[0]?.bytes.equals(bytes)).toBe(true);
    expect(shared[0]?.title).toBe('skarmbild-hotet.png');
    expect(shared[0]?.comment).toContain(String(stored?.number));
    expect(shared[0]?.comment).toContain(sha256(bytes));
    expect(s.fake.uploadsIn('C0NORRBY')).toHaveLength(0);
    // The owner's case card names the file with its SHA-256.
    expect(JSON.stringify(s.messages('D0KIM'))).toContain(sha256(bytes));

    // Delivered once, also after more passes of the dispatcher.
    await s.settle();
    expect(s.fake.callsOf('files.completeUploadExternal')).toHaveLength(1);
  });

  it('tells the member at once when a file is too large, and the owner sees its name and why', async () => {
    s = await SlackStory.start({ EVIDENCE_MAX_MB: '1' });
    await reportWithFile('film.mov', randomBytes(1_200_000));
    const told = JSON.stringify(s.messages('D0MIRA'));
    expect(told).toMatch(/film\.mov is too large to keep here \(at most 1 MB\)/);
    const [stored] = await s.app.stores.cases.list({});
    expect(stored?.report.evidence[0]).toMatchObject({ name: 'film.mov', refused: 'too_large' });
    expect(await s.app.stores.blobs.ids()).toEqual([]);
    await kimTakes();
    expect(s.fake.uploads.size).toBe(0);
    expect(JSON.stringify(s.messages('D0KIM'))).toContain(
      'film.mov (för stor för att sparas här; be medlemmen om filen)',
    );
  });

  it('copies a file added to the taken case to the owner, and every file to a new owner after a hand-over', async () => {
    s = await SlackStory.start();
    const first = randomBytes(3000);
    await reportWithFile('forsta.png', first);
    await kimTakes();
    expect(s.fake.uploadsIn('D0KIM')).toHaveLength(1);

    // Mira sends one more file after the case was taken, and adds it to her case.
    const later = randomBytes(4000);
    const url = s.fake.addMemberFile('andra.png', later);
    await s.deliver(
      asEvent(
        messageIm(MIRA, '', {
          files: [{ id: 'F0MIRA2', name: 'andra.png', mimetype: 'image/png', url_private_download: url }],
        }),
      ),
    );
    const add = s.latestButton('D0MIRA', (b) => b.action_id.startsWith('member:add'));
    await s.deliver(asInteraction(s.pressPayload(MIRA, add, 'D0MIRA')));
    const toKim = s.fake.uploadsIn('D0KIM');
    expect(toKim.map((u) => u.title)).toEqual(['forsta.png', 'andra.png']);
    expect(toKim[1]?.bytes.equals(later)).toBe(true);
    const [stored] = await s.app.stores.cases.list({});
    expect(stored?.report.evidence.map((f) => f.sha256)).toEqual([sha256(first), sha256(later)]);

    // Kim hands the case to Alex; once Alex accepts, Alex has both files too, and Kim none twice.
    await s.app.vaktpost.cases.offerHandover(
      stored?.id ?? '',
      { userId: 'slack:U0KIM', displayName: 'Kim Kontakt' },
      'slack:U0ALEX',
      new Date(),
    );
    await s.app.vaktpost.cases.acceptHandover(
      stored?.id ?? '',
      { userId: 'slack:U0ALEX', displayName: 'Alex Andrakontakt' },
      new Date(),
    );
    await s.settle();
    expect(s.fake.uploadsIn('D0ALEX').map((u) => u.title)).toEqual(['forsta.png', 'andra.png']);
    expect(s.fake.uploadsIn('D0KIM')).toHaveLength(2);
  });

  it('asks files.info for a file the event describes only by id, and keeps it the same way', async () => {
    s = await SlackStory.start();
    const bytes = randomBytes(2000);
    s.fake.addMemberFile('dold.png', bytes, 'F0HIDDEN');
    await s.say(MIRA, 'Hej');
    await s.answer(MIRA, 'emergency', 'no');
    await s.deliver(
      asEvent(
        messageIm(MIRA, '', { files: [{ id: 'F0HIDDEN', mode: 'hidden_by_limit', file_access: 'check_file_info' }] }),
      ),
    );
    expect(s.fake.callsOf('files.info')[0]?.args).toMatchObject({ file: 'F0HIDDEN' });
    const [session] = await s.app.stores.sessions.ofUser('slack:U0MIRA');
    expect(JSON.stringify(session?.answers)).toContain(sha256(bytes));
    expect(JSON.stringify(session?.answers)).toContain('dold.png');
  });

  it('removes the copy when the member is erased', async () => {
    s = await SlackStory.start();
    await reportWithFile('brev.png', randomBytes(5000));
    expect(await s.app.stores.blobs.ids()).toHaveLength(1);
    await s.app.vaktpost.privacy.retention.erasePerson('slack:U0MIRA', 'test', new Date());
    expect(await s.app.stores.blobs.ids()).toEqual([]);
  });
});
