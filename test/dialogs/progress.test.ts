import { reportDialog } from '../../dialogs/report';
import { createEngine, type AdvanceResult } from '../../src/engine/advance';
import type { DialogDef } from '../../src/engine/dialog';
import { translate } from '../../src/i18n/translate';
import { TRANSCRIPT_NOW } from '../support/transcript';

interface Seen {
  part: string;
  current: number;
  total: number;
}

/** The progress of every question asked while the member types `moves`. */
function progressOf(moves: string[]): Seen[] {
  const engine = createEngine([reportDialog as DialogDef]);
  const seed = { key: 'u', userId: 'u', displayName: 'U', address: 'a', language: 'sv' as const, context: {} };
  const seen: Seen[] = [];
  const collect = (r: AdvanceResult): AdvanceResult => {
    for (const e of r.effects) {
      if (e.type === 'send' && e.prompt.kind === 'question' && e.prompt.progress) {
        const { part, current, total } = e.prompt.progress;
        seen.push({ part: translate('sv', part), current, total });
      }
    }
    return r;
  };
  let result = collect(engine.start('report', seed, TRANSCRIPT_NOW));
  for (const text of moves) {
    if (!result.session) break;
    result = collect(engine.advance(result.session, { kind: 'text', text }, TRANSCRIPT_NOW));
  }
  return seen;
}

const WHOLE_REPORT = [
  'nej',
  'någon annan',
  'kollega',
  'Alex Exempel',
  'Sam Prov',
  'hot',
  'En beskrivning.',
  'sms',
  'igår',
  'berätta mer',
  ...Array<string>(40).fill('hoppa över'),
];

describe('the progress line', () => {
  const seen = progressOf(WHOLE_REPORT);
  const parts = [...new Set(seen.map((s) => s.part))];

  it('counts the essentials and the optional details as two named parts', () => {
    expect(parts).toEqual(['Fråga', 'Fler uppgifter, alla frivilliga: fråga']);
  });

  it.each([0, 1])('never goes backwards and steps by one within part %i', (i) => {
    const inPart = seen.filter((s) => s.part === parts[i]);
    expect(inPart[0]?.current).toBe(1);
    inPart.forEach((s, k) => {
      expect(s.current).toBe(k + 1);
      expect(s.current).toBeLessThanOrEqual(s.total);
      if (k > 0) expect(s.total).toBeGreaterThanOrEqual((inPart[k - 1] as Seen).total);
    });
    expect(inPart[inPart.length - 1]?.current).toBe(inPart[inPart.length - 1]?.total);
  });

  it('grows the total only by the questions a choice opens (on behalf: three more)', () => {
    const essentials = seen.filter((s) => s.part === parts[0]).map((s) => s.total);
    expect([...new Set(essentials)]).toEqual([7, 10]);
  });
});
