import { SlackStory, buttonsIn } from './slack-story';

/**
 * A turn answers with one message wherever one can carry it: the greeting and the first question arrive as one
 * Slack message (one notification on the member's phone, not two), and every answer after it brings one message.
 */
const MIRA = 'U0MIRA';
const DM = 'D0MIRA';

let s: SlackStory;
beforeEach(async () => {
  s = await SlackStory.start();
});
afterEach(async () => {
  await s.close();
});

describe('Slack: one message per turn', () => {
  it('greets and asks the first question in one message, then one message per answer', async () => {
    await s.say(MIRA, 'Hej');
    const first = s.messages(DM);
    expect(first).toHaveLength(1);
    const shown = JSON.stringify(first[0]?.blocks);
    // The greeting comes first, then the emergency question with its buttons, in the same message.
    expect(shown).toContain('Hello, I am Vaktpost');
    expect(shown.indexOf('Hello, I am Vaktpost')).toBeLessThan(shown.indexOf('danger'));
    expect(buttonsIn(first[0]?.blocks).length).toBeGreaterThanOrEqual(2);
    // The phone's notification shows the greeting and the question too.
    expect(first[0]?.text).toMatch(/^Hello, I am Vaktpost[\s\S]*\n/);

    await s.answer(MIRA, 'emergency', 'no');
    expect(s.messages(DM)).toHaveLength(2);
    await s.answer(MIRA, 'on_behalf', 'self');
    expect(s.messages(DM)).toHaveLength(3);
    expect(s.fake.callsOf('chat.postMessage')).toHaveLength(3);
  });
});
