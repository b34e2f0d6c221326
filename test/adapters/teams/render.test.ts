import { renderAdaptiveCard } from '../../../adapters/teams';
import { actionFromData } from '../../../adapters/teams/action-data';
import { escapeMarkdown } from '../../../adapters/teams/render-text';
import { alertCard, caseViewCard } from '../../../src/cases/case-cards';
import { ACTION, encodeAnswer, encodeControl } from '../../../src/engine/actions';
import type { Prompt } from '../../../src/engine/prompt';
import { makeCase } from '../../support/fixtures';

type Node = Record<string, unknown>;

/** Every object in the card, depth first (bodies, show-cards, fallbacks). */
function nodes(value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Node, ...Object.values(value).flatMap(nodes)];
}

const ofType = (card: unknown, type: string) => nodes(card).filter((n) => n.type === type);
const texts = (card: unknown) => ofType(card, 'TextRun').map((run) => run.text);

/** Simulates a press: Teams merges the card's input values into the button's data. */
function press(button: Node, inputs: Record<string, string> = {}) {
  return actionFromData(button.verb as string, { ...(button.data as Node), ...inputs });
}

function question(
  input: Extract<Prompt, { kind: 'question' }>['input'],
  controls: Array<'back' | 'done' | 'cancel'> = ['back', 'cancel'],
): Prompt {
  return {
    kind: 'question',
    stepId: 'step-1',
    text: { key: 'common.yes' },
    hint: { raw: 'En ledtråd' },
    input,
    controls,
    progress: { current: 2, total: 9, part: { key: 'engine.part.questions' } },
  };
}

describe('renderAdaptiveCard', () => {
  it('renders an urgent message in the attention colour, on schema 1.5', () => {
    const card = renderAdaptiveCard({ kind: 'message', text: { raw: 'Ring 112' }, tone: 'urgent' }, 'sv');
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(ofType(card, 'TextRun')[0]).toMatchObject({ text: 'Ring 112', color: 'Attention', weight: 'Bolder' });
  });

  it('gives a yes/no question buttons whose press is the core answer, with progress, hint and controls', () => {
    const card = renderAdaptiveCard(question({ type: 'yesno' }), 'sv');
    expect(texts(card)).toEqual(['Fråga 2 av 9', 'Ja', 'En ledtråd']);
    const buttons = ofType(card, 'Action.Execute');
    expect(buttons.map((b) => b.title)).toEqual(['Ja', 'Nej', 'Tillbaka', 'Avbryt']);
    expect(press(buttons[1] as Node)).toEqual({ id: ACTION.answer, value: encodeAnswer('step-1', 'no') });
    expect(press(buttons[3] as Node)).toEqual({ id: ACTION.control, value: encodeControl('cancel', 'step-1') });
  });

  it('puts a verb and an Action.Submit fallback with the same data on every button', () => {
    const c = makeCase({ owner: { userId: 'teams:aad-contact', displayName: 'Kim' }, status: 'open' });
    const cards = [
      renderAdaptiveCard({ kind: 'card', card: caseViewCard(c, 'Norrby', 'owner', []) }, 'en'),
      renderAdaptiveCard({ kind: 'card', card: alertCard(makeCase(), 'Norrby') }, 'en'),
      renderAdaptiveCard(question({ type: 'datetime' }), 'en'),
    ];
    const buttons = ofType(cards, 'Action.Execute');
    expect(buttons.length).toBeGreaterThan(5);
    for (const button of buttons) {
      expect(button.verb).toBe((button.data as Node).actionId);
      expect(button.fallback).toMatchObject({ type: 'Action.Submit', data: button.data });
    }
  });

  it('offers several choices as checkboxes with OK, and the press carries the chosen values', () => {
    const choices = [
      { value: 'sms', label: { raw: 'SMS' } },
      { value: 'phone', label: { raw: 'Telefon' } },
    ];
    const card = renderAdaptiveCard(question({ type: 'multi', choices }), 'sv');
    const [set] = ofType(card, 'Input.ChoiceSet');
    expect(set).toMatchObject({ isMultiSelect: true, style: 'expanded' });
    const ok = ofType(card, 'Action.Execute').find((b) => b.title === 'OK') as Node;
    expect(press(ok, { [set?.id as string]: 'sms,phone' })).toEqual({
      id: ACTION.answer,
      value: encodeAnswer('step-1', ''),
      values: ['sms', 'phone'],
    });
  });

  it('uses a radio list for a long single choice, so no option hides in an overflow menu', () => {
    const choices = ['a', 'b', 'c', 'd', 'e', 'f'].map((v) => ({ value: v, label: { raw: v.toUpperCase() } }));
    const card = renderAdaptiveCard(question({ type: 'single', choices }), 'sv');
    const [set] = ofType(card, 'Input.ChoiceSet');
    expect(set).toMatchObject({ isMultiSelect: false });
    const ok = ofType(card, 'Action.Execute').find((b) => b.title === 'OK') as Node;
    expect(press(ok, { [set?.id as string]: 'f' })).toMatchObject({ values: ['f'] });
  });

  it('asks a date (and optionally a time) and sends them as one value', () => {
    const card = renderAdaptiveCard(question({ type: 'datetime' }), 'en');
    const [date] = ofType(card, 'Input.Date');
    const [time] = ofType(card, 'Input.Time');
    const ok = ofType(card, 'Action.Execute').find((b) => b.title === 'OK') as Node;
    expect(press(ok, { [date?.id as string]: '2025-03-09', [time?.id as string]: '21:30' })?.values).toEqual([
      '2025-03-09T21:30',
    ]);
    expect(press(ok, { [date?.id as string]: '2025-03-09', [time?.id as string]: '' })?.values).toEqual(['2025-03-09']);
  });

  it('tells how to attach files and offers Done; a text question is only the question', () => {
    const files = renderAdaptiveCard(question({ type: 'attachments' }, ['done']), 'en');
    expect(texts(files).join(' ')).toMatch(/paperclip/);
    expect(ofType(files, 'Action.Execute').map((b) => b.title)).toEqual(['Done']);
    const typed = renderAdaptiveCard(question({ type: 'text', maxLength: 4000, multiline: true }, []), 'en');
    expect(ofType(typed, 'Action.Execute')).toEqual([]);
    expect(nodes(typed).filter((n) => String(n.type).startsWith('Input.'))).toEqual([]);
  });

  it('shows what a member wrote exactly, as plain text runs that cannot become links', () => {
    const writing = 'Se [här](https://evil.example.org) **nu**\n- punkt';
    const card = renderAdaptiveCard({ kind: 'message', text: { raw: writing } }, 'sv');
    expect(ofType(card, 'TextBlock')).toEqual([]);
    expect(texts(card)).toEqual(['Se [här](https://evil.example.org) **nu**', '- punkt']);
  });

  it('escapes Markdown in fact values, which have no plain-text form', () => {
    expect(escapeMarkdown('[här](https://evil.example.org) *x*')).toBe(
      '\\[här\\]\\(https://evil.example.org\\) \\*x\\*',
    );
    expect(escapeMarkdown('1. första\n# rubrik')).toBe('1\\. första\n\n\\# rubrik');
    const c = makeCase({ reporter: { ...makeCase().reporter, displayName: '[Klicka](https://evil.example.org)' } });
    const card = renderAdaptiveCard({ kind: 'card', card: caseViewCard(c, 'Norrby', 'owner', []) }, 'sv');
    const facts = ofType(card, 'FactSet').flatMap((f) => f.facts as Node[]);
    expect(facts.map((f) => f.value)).toContain('\\[Klicka\\]\\(https://evil.example.org\\)');
  });

  it('renders the channel alert with only the minimum and a Take button', () => {
    const c = makeCase({ urgent: true });
    const card = renderAdaptiveCard({ kind: 'card', card: alertCard(c, 'Norrby') }, 'sv');
    const all = JSON.stringify(card);
    expect(all).toContain(c.number);
    expect(all).not.toContain(c.report.description);
    expect(all).not.toContain('Test Ledamot');
    const [take] = ofType(card, 'Action.Execute');
    expect(take).toMatchObject({ verb: ACTION.caseTake, style: 'positive' });
    expect(press(take as Node)).toEqual({ id: ACTION.caseTake, value: c.id });
  });

  it('turns actions that need input into show-cards with a field and a send button, ids unique in the card', () => {
    const c = makeCase({ owner: { userId: 'teams:aad-contact', displayName: 'Kim' }, status: 'open' });
    const successors = [{ userId: 'teams:aad-other', name: 'Alva' }];
    const card = renderAdaptiveCard({ kind: 'card', card: caseViewCard(c, 'Norrby', 'owner', successors) }, 'sv');
    const ids = nodes(card)
      .filter((n) => String(n.type).startsWith('Input.'))
      .map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);

    const note = ofType(card, 'Action.ShowCard').find((s) => JSON.stringify(s).includes(ACTION.caseNote)) as Node;
    const [field] = nodes(note.card).filter((n) => n.type === 'Input.Text');
    expect(field).toMatchObject({ isRequired: true, isMultiline: true, maxLength: 2000 });
    const [send] = nodes(note.card).filter((n) => n.type === 'Action.Execute');
    expect(press(send as Node, { [field?.id as string]: 'Ringde upp' })).toEqual({
      id: ACTION.caseNote,
      value: c.id,
      input: 'Ringde upp',
    });

    const handover = ofType(card, 'Action.ShowCard').find((s) => JSON.stringify(s).includes(ACTION.caseHandover));
    expect(nodes(handover).find((n) => n.type === 'Input.ChoiceSet')).toMatchObject({
      style: 'compact',
      choices: [{ title: 'Alva', value: 'teams:aad-other' }],
    });
  });
});
