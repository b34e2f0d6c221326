import { ACTION, encodeAnswer, encodeControl } from '../../src/engine/actions';
import type { Prompt } from '../../src/engine/prompt';
import type { TestApp } from './app-harness';

/** Choices that open the most follow-up questions, so a full report asks every free-text question there is. */
const CHOSEN: Record<string, string> = {
  emergency: 'no',
  on_behalf: 'on_behalf',
  more: 'tell_more',
  police: 'reported',
  perpetrator_known: 'known',
  reach: 'email',
};
/** Free-text steps that check their form: answered with a valid value that still carries the marker. */
const FORMED: Record<string, (marker: string) => string> = {
  reach_email: (marker) => `${marker}.reach@example.org`,
};
/** Multiple-choice steps are answered as a member types them (Swedish words). */
const TYPED: Record<string, string> = { categories: 'hot', channels: 'sms' };

/**
 * Walks `account` through the whole report dialog, as far as it goes: every free-text answer (and the approximate
 * time) is `${marker} <step>`, every choice the one that asks more. Returns the free-text step ids it answered.
 */
export async function typeFullReport(app: TestApp, account: string, marker: string): Promise<string[]> {
  const texts: string[] = [];
  await app.say(account, 'hej');
  for (let turn = 0; turn < 80; turn += 1) {
    const last = [...app.notifier.to(app.dm(account))].reverse().find((m) => m.message.prompt.kind !== 'message');
    const prompt: Prompt | undefined = last?.message.prompt;
    if (prompt?.kind === 'card') {
      const submit = app.notifier.actions(app.dm(account), ACTION.submit).pop();
      if (!submit) throw new Error('the summary offers no submit button');
      await app.press(account, ACTION.submit, submit.value);
      return texts;
    }
    if (prompt?.kind !== 'question') throw new Error(`no question to answer after turn ${turn}`);
    const step = prompt.stepId;
    const input = prompt.input;
    const formed = FORMED[step];
    if (formed) {
      await app.say(account, formed(marker));
    } else if (input.type === 'text' || input.type === 'datetime') {
      texts.push(step);
      await app.say(account, `${marker} ${step}`);
    } else if (input.type === 'attachments') {
      await app.press(account, ACTION.control, encodeControl('skip', step));
    } else if (input.type === 'multi') {
      await app.say(account, TYPED[step] ?? '1');
    } else {
      const fallback = input.type === 'yesno' ? 'yes' : (input.choices[0]?.value ?? '');
      await app.press(account, ACTION.answer, encodeAnswer(step, CHOSEN[step] ?? fallback));
    }
  }
  throw new Error('the report did not reach its summary in 80 turns');
}
