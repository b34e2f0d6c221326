import { repeatsHarmlessly } from '../../src/delivery/repeatable';
import { replyStream } from '../../src/delivery/outbox-notifier';
import { pendingNotification, type Notification } from '../../src/domain/notification';
import { tx, type MessagePrompt, type OutgoingMessage, type Prompt } from '../../src/engine/prompt';

const ADDRESS = 'teams:dm:aad-member';

function reply(prompt: Prompt, extra: Partial<Notification> = {}): [Notification, OutgoingMessage] {
  const message: OutgoingMessage = { language: 'sv', prompt };
  const n = pendingNotification({
    id: 'reply:turn-1:0',
    address: ADDRESS,
    message,
    createdAt: '2026-03-02T09:30:00.000Z',
    caseId: null,
    seq: 1,
    stream: replyStream(ADDRESS),
    ...extra,
  });
  return [n, message];
}

function question(lead: MessagePrompt[] = []): Prompt {
  return {
    kind: 'question',
    ...(lead.length > 0 ? { lead } : {}),
    stepId: 'on_behalf',
    text: tx('report.on_behalf.question'),
    input: { type: 'yesno' },
    controls: ['cancel'],
  };
}

const line = (key: string, tone?: 'urgent'): MessagePrompt => ({
  kind: 'message',
  text: tx(key),
  ...(tone ? { tone } : {}),
});

/** Which messages may go out several at a time to Teams (a crash may repeat them) and which stay one at a time. */
describe('messages that repeat harmlessly after a crash', () => {
  it.each([
    ['the next question of a dialog', question()],
    ['the first question, led by the dialog greeting', question([line('report.intro')])],
    ['a question led by "that answer did not fit"', question([line('engine.invalid.yesno')])],
    [
      'a question led by two dialog lines joined',
      question([{ kind: 'message', text: { join: [tx('engine.resumed'), tx('engine.stale')] } }]),
    ],
    [
      'the summary of the report',
      { kind: 'card', card: { title: tx('report.summary_title'), tone: 'normal', lines: [tx('summary.intro')] } },
    ],
  ] as Array<[string, Prompt]>)('repeatable: %s', (_what, prompt) => {
    expect(repeatsHarmlessly(...reply(prompt))).toBe(true);
  });

  it.each([
    ['a receipt', { kind: 'message', text: tx('bot.submitted', { number: 7 }) }],
    ['a question led by a receipt (the check-in offer)', question([line('bot.submitted.completed')])],
    ['a question led by the 112 guidance for someone in danger', question([line('engine.danger_answer')])],
    ['a question led by an urgent line', question([line('engine.resumed', 'urgent')])],
    ['a question led by words a person wrote', question([{ kind: 'message', text: { raw: 'hej' } }])],
    ['a dialog line alone', { kind: 'message', text: tx('engine.stale') }],
    [
      'another card',
      { kind: 'card', card: { title: tx('bot.home.intro'), tone: 'normal', lines: [tx('bot.menu.intro')] } },
    ],
  ] as Array<[string, Prompt]>)('not repeatable: %s', (_what, prompt) => {
    expect(repeatsHarmlessly(...reply(prompt))).toBe(false);
  });

  it('not repeatable: anything about a case, anything updated in place, anything outside the reply stream', () => {
    const [aboutCase, m1] = reply(question(), { caseId: 'case-1' });
    expect(repeatsHarmlessly(aboutCase, m1)).toBe(false);
    const [n, m2] = reply(question());
    expect(repeatsHarmlessly(n, { ...m2, updateKey: `alert:case-1` })).toBe(false);
    const [digest, m3] = reply(question(), { stream: `digest|${ADDRESS}` });
    expect(repeatsHarmlessly(digest, m3)).toBe(false);
    const [rendered, m4] = reply(question(), {
      render: { caseId: 'case-1', kind: 'alert', language: 'sv', entry: 0 },
    });
    expect(repeatsHarmlessly(rendered, m4)).toBe(false);
  });
});
