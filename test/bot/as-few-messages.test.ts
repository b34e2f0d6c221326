import { asFewMessages, message } from '../../src/bot/reply';
import { tx, type Prompt } from '../../src/engine/prompt';

const question: Prompt = {
  kind: 'question',
  stepId: 'when',
  text: tx('report.when.question'),
  input: { type: 'text', multiline: false, maxLength: 200 },
  controls: ['back'],
};
const urgent: Prompt = { kind: 'message', text: tx('report.emergency.call_112'), tone: 'urgent' };
const card: Prompt = { kind: 'card', card: { title: tx('bot.help'), tone: 'normal' } };

describe('one message per turn', () => {
  it('puts the lines before a question in the question, urgent words kept urgent', () => {
    const merged = asFewMessages([message('bot.help'), urgent, question]);
    expect(merged).toEqual([{ ...question, lead: [message('bot.help'), urgent] }]);
  });

  it('joins plain lines of one tone, keeps a card and what follows it apart', () => {
    const merged = asFewMessages([message('bot.help'), message('bot.no_session'), urgent, card, message('bot.help')]);
    expect(merged.map((p) => p.kind)).toEqual(['message', 'message', 'card', 'message']);
    expect(merged[0]).toEqual({
      kind: 'message',
      text: { join: [tx('bot.help'), tx('bot.no_session')], separator: '\n\n' },
    });
    expect(merged[1]).toBe(urgent);
  });
});
