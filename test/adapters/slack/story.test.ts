import { ACTION } from '../../../src/engine/actions';
import { asEvent, asInteraction, messageIm } from './payloads';
import { SlackStory } from './slack-story';

const MIRA = 'U0MIRA';
const DESCRIPTION = 'Someone wrote <!channel> and <@U0KIM> threats at Storgatan 1 & sent <https://evil.example|a link>';
const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
const ticked = (value: string) => ({ 'vp:input#cb0': { type: 'checkboxes', selected_options: [{ value }] } });

let s: SlackStory;
beforeEach(async () => {
  s = await SlackStory.start();
});
afterEach(async () => {
  await s.close();
});

/** Mira answers the report's fast path in her DM with buttons, boxes, a date picker and typed text. */
async function reportUntilSummary(): Promise<void> {
  await s.say(MIRA, 'Hej');
  await s.answer(MIRA, 'emergency', 'no');
  await s.answer(MIRA, 'on_behalf', 'self');
  await s.ok(MIRA, 'categories', ticked('threat'));
  await s.say(MIRA, DESCRIPTION);
  await s.ok(MIRA, 'channels', ticked('social_media'));
  await s.ok(MIRA, 'when', { 'vp:input#date': { type: 'datepicker', selected_date: twoDaysAgo } });
  await s.answer(MIRA, 'more', 'submit_now');
}

function submitPress(): object {
  const submit = s.latestButton('D0MIRA', (b) => b.action_id.startsWith(`${ACTION.submit}#`));
  return s.pressPayload(MIRA, submit, 'D0MIRA');
}

const text = (messages: Array<{ blocks: unknown[]; text: string }>) => JSON.stringify(messages);

describe('the Slack story over real HTTP', () => {
  it('runs from a DM report to an owner, with only the minimum in the channel', async () => {
    await reportUntilSummary();
    await s.deliver(asInteraction(submitPress()));

    const cases = await s.app.stores.cases.list({});
    expect(cases).toHaveLength(1);
    const number = String(cases[0]?.number);
    const alerts = s.messages('C0NORRBY');
    expect(alerts).toHaveLength(1);
    const alert = text(alerts);
    expect(alert).toContain(number);
    expect(alert).toContain('Norrby');
    expect(alert).toContain(`${ACTION.caseTake}#`);
    // Only the minimum: no report text, no names, no places.
    for (const secret of ['Storgatan', 'threats at', 'Mira', 'evil.example']) expect(alert).not.toContain(secret);
    expect(s.fake.callsOf('chat.postMessage').every((c) => c.args.unfurl_links === false)).toBe(true);

    const take = s.latestButton('C0NORRBY', (b) => b.action_id.startsWith(`${ACTION.caseTake}#`));
    await s.deliver(asInteraction(s.pressPayload('U0KIM', take, 'C0NORRBY')));

    // The alert changed in place for everyone: "Taken by Kim Kontakt at hh:mm", no Take button.
    expect(s.fake.callsOf('chat.update').filter((c) => c.args.channel === 'C0NORRBY')).toHaveLength(1);
    const updated = text(s.messages('C0NORRBY'));
    expect(s.messages('C0NORRBY')).toHaveLength(1);
    expect(updated).toMatch(/Kim Kontakt/);
    expect(updated).not.toContain(`${ACTION.caseTake}#`);
    expect(updated).not.toContain('Storgatan');

    // The owner has the whole case privately, with what Mira wrote escaped.
    const owner = text(s.messages('D0KIM'));
    expect(owner).toContain('Storgatan 1 &amp; sent');
    expect(owner).toContain('&lt;!channel&gt;');
    expect(owner).not.toContain('<!channel>');
    expect(owner).not.toContain('<@U0KIM>');
    expect((await s.app.stores.cases.list({}))[0]?.owner?.userId).toBe('slack:U0KIM');

    // Mira is told who helps her.
    const member = s.messages('D0MIRA');
    expect(text(member.slice(-3))).toContain('Kim Kontakt');
  });

  it('gives one case and one alert when Slack delivers the same event three times, and for a double click', async () => {
    await Promise.all([1, 2, 3].map(() => s.deliver(asEvent(messageIm(MIRA, 'Hej', { eventId: 'EvTHRICE' })))));
    const firstQuestions = s.messages('D0MIRA').filter((m) => text([m]).includes('"emergency'));
    expect(firstQuestions).toHaveLength(1);
    // Continue from here as usual.
    await s.answer(MIRA, 'emergency', 'no');
    await s.answer(MIRA, 'on_behalf', 'self');
    await s.ok(MIRA, 'categories', ticked('threat'));
    await s.say(MIRA, DESCRIPTION);
    await s.ok(MIRA, 'channels', ticked('social_media'));
    await s.ok(MIRA, 'when', { 'vp:input#date': { type: 'datepicker', selected_date: twoDaysAgo } });
    await s.answer(MIRA, 'more', 'submit_now');
    const press = submitPress();
    await Promise.all([
      s.deliver(asInteraction(press)),
      s.deliver(asInteraction(press), { retryNum: 1 }),
      s.deliver(asInteraction(press), { retryNum: 2 }),
      // A double click is a new payload with its own action_ts; the core still makes no second case.
      s.deliver(asInteraction(submitPress())),
    ]);
    expect(await s.app.stores.cases.list({})).toHaveLength(1);
    expect(s.messages('C0NORRBY')).toHaveLength(1);
  });

  it('gives one owner when two contacts press Take at once, and a polite "already taken" to the other', async () => {
    await reportUntilSummary();
    await s.deliver(asInteraction(submitPress()));
    const take = s.latestButton('C0NORRBY', (b) => b.action_id.startsWith(`${ACTION.caseTake}#`));
    await Promise.all([
      s.deliver(asInteraction(s.pressPayload('U0KIM', take, 'C0NORRBY'))),
      s.deliver(asInteraction(s.pressPayload('U0ALEX', take, 'C0NORRBY'))),
    ]);
    const [c] = await s.app.stores.cases.list({});
    const owner = c?.owner?.userId;
    expect(['slack:U0KIM', 'slack:U0ALEX']).toContain(owner);
    const loser = owner === 'slack:U0KIM' ? 'D0ALEX' : 'D0KIM';
    expect(text(s.messages(loser))).toMatch(/already taken/);
    expect(s.messages('C0NORRBY')).toHaveLength(1);
  });

  it('retries an alert Slack rate-limited after Retry-After, and it arrives once', async () => {
    await reportUntilSummary();
    s.fake.failNext('chat.postMessage', { status: 429, retryAfter: 30 }, (args) => args.channel === 'C0NORRBY');
    await s.deliver(asInteraction(submitPress()));
    expect(s.messages('C0NORRBY')).toHaveLength(0);
    s.advance(10_000);
    await s.settle();
    expect(s.messages('C0NORRBY')).toHaveLength(0);
    s.advance(21_000);
    await s.settle();
    expect(s.messages('C0NORRBY')).toHaveLength(1);
    await s.settle();
    expect(s.messages('C0NORRBY')).toHaveLength(1);
  });
});
