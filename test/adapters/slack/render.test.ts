import type { types } from '@slack/bolt';
import { renderPrompt } from '../../../adapters/slack';
import { ACTION, encodeAnswer, encodeControl } from '../../../src/engine/actions';
import { raw, tx, type Card, type Prompt } from '../../../src/engine/prompt';

function actionIds(blocks: types.KnownBlock[]): string[] {
  const ids: string[] = [];
  JSON.stringify(blocks, (key, value: unknown) => {
    if (key === 'action_id' && typeof value === 'string') ids.push(value);
    return value;
  });
  return ids;
}

describe('Block Kit rendering', () => {
  const yesno: Prompt = {
    kind: 'question',
    stepId: 'emergency',
    text: tx('common.yes'),
    input: { type: 'yesno' },
    controls: ['back', 'help'],
    progress: { current: 1, total: 9, part: { key: 'engine.part.questions' } },
  };

  it('renders a yes/no question as buttons with unique action ids and the core’s values', () => {
    const { blocks } = renderPrompt(yesno, 'en');
    const ids = actionIds(blocks);
    expect(new Set(ids).size).toBe(ids.length);
    const values = JSON.stringify(blocks);
    expect(values).toContain(JSON.stringify(encodeAnswer('emergency', 'yes')).slice(1, -1));
    expect(values).toContain(JSON.stringify(encodeControl('back', 'emergency')).slice(1, -1));
    expect(ids.every((id) => id.startsWith(`${ACTION.answer}#`) || id.startsWith(`${ACTION.control}#`))).toBe(true);
    expect(values).toContain('Question 1 of 9');
  });

  it('renders many choices as checkboxes in groups of ten with one OK button', () => {
    const choices = Array.from({ length: 12 }, (_, i) => ({ value: `v${i}`, label: raw(`Choice ${i}`) }));
    const { blocks } = renderPrompt({ ...yesno, input: { type: 'multi', choices } }, 'sv');
    const boxes = blocks.flatMap((b) =>
      b.type === 'actions' ? b.elements.filter((e) => e.type === 'checkboxes') : [],
    );
    expect(boxes.map((b) => (b as types.Checkboxes).options.length)).toEqual([10, 2]);
    expect(actionIds(blocks).filter((id) => id === `${ACTION.answer}#ok`)).toHaveLength(1);
  });

  it('offers a date picker, a time picker and OK for a date', () => {
    const { blocks } = renderPrompt({ ...yesno, input: { type: 'datetime' } }, 'sv');
    const types = JSON.stringify(blocks);
    expect(types).toContain('"datepicker"');
    expect(types).toContain('"timepicker"');
  });

  it('marks urgent messages with a siren and bold', () => {
    const { blocks } = renderPrompt({ kind: 'message', tone: 'urgent', text: raw('Call 112 now') }, 'sv');
    expect(JSON.stringify(blocks)).toContain(':rotating_light: *Call 112 now*');
  });

  it('keeps a huge card within 50 blocks and never loses its buttons', () => {
    const card: Card = {
      title: raw('Case <!here>'),
      tone: 'urgent',
      fields: Array.from({ length: 23 }, (_, i) => ({ label: raw(`F${i}`), value: raw('x') })),
      sections: Array.from({ length: 80 }, (_, i) => ({ lines: [raw(`line ${i}`)] })),
      actions: [{ id: ACTION.caseTake, label: raw('Take'), value: 'c1', style: 'primary' }],
    };
    const { blocks, text } = renderPrompt({ kind: 'card', card }, 'en');
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(blocks[0]?.type).toBe('header');
    expect(blocks[blocks.length - 1]?.type).toBe('actions');
    const fieldCounts = blocks.flatMap((b) => (b.type === 'section' && b.fields ? [b.fields.length] : []));
    expect(Math.max(...fieldCounts)).toBeLessThanOrEqual(10);
    expect(text).toBe('Case &lt;!here&gt;');
  });

  it('splits long report text over several sections instead of cutting it', () => {
    const long = `${'a'.repeat(2500)}\n${'b'.repeat(2500)}\n&<>`;
    const card: Card = { title: raw('t'), tone: 'normal', fields: [{ label: raw('What happened'), value: raw(long) }] };
    const { blocks } = renderPrompt({ kind: 'card', card }, 'en');
    const texts = blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
    expect(texts.every((s) => s.length <= 3000)).toBe(true);
    expect(texts.join('\n')).toContain('&amp;&lt;&gt;');
    expect(texts.join('').replace(/[^b]/g, '')).toHaveLength(2500);
  });

  it('puts a section’s single button beside it as an accessory', () => {
    const card: Card = {
      title: raw('Summary'),
      tone: 'normal',
      sections: [
        {
          fields: [{ label: raw('What'), value: raw('x') }],
          actions: [{ id: ACTION.edit, label: raw('Change'), value: 'what' }],
        },
      ],
    };
    const { blocks } = renderPrompt({ kind: 'card', card }, 'sv');
    const section = blocks[1] as types.SectionBlock;
    expect(section.accessory).toMatchObject({ type: 'button', value: 'what' });
  });
});
