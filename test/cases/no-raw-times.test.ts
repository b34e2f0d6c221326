import { alertCard, caseListCard, caseViewCard, memberCaseCard } from '../../src/cases/case-cards';
import { newChecklist } from '../../src/cases/checklist';
import type { Card } from '../../src/engine/prompt';
import { tx } from '../../src/engine/prompt';
import { digestCard } from '../../src/reminders/reminder-cards';
import { makeCase, makePerson, makeReport } from '../support/fixtures';
import { render } from '../support/transcript';

/** Anything that looks like a stored timestamp: `2026-12-01T08:42`, with or without seconds and zone. */
const RAW_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('no raw timestamp in any card a person reads', () => {
  const owner = makePerson('Kim Kontakt');
  const taken = makeCase({
    createdAt: '2026-12-01T08:42:13.033Z',
    status: 'open',
    owner,
    takenAt: '2026-12-01T08:50:00.000Z',
    checklist: newChecklist(new Date('2026-12-01T08:42:13.033Z')),
    report: makeReport({ when: { at: '2026-12-01T09:30', ongoing: true } }),
    timeline: [
      { kind: 'submitted', at: '2026-12-01T08:42:13.033Z', by: makePerson('Test Ledamot') },
      { kind: 'taken', at: '2026-12-01T08:50:00.000Z', by: owner },
    ],
  });
  const cards: Array<[string, Card]> = [
    ['the alert', alertCard(taken, 'Norrby')],
    ['the owner view', caseViewCard(taken, 'Norrby', 'owner', [])],
    ['the member card', memberCaseCard(taken)],
    ['a case list', caseListCard(tx('bot.cases.open_title'), [taken], tx('bot.cases.none_open'))],
    [
      'the digest',
      digestCard('2026-12-02', {
        owned: {
          owner,
          cases: [
            {
              case: taken,
              items: [{ item: 'not_alone', dueAt: '2026-12-02T08:42:13.033Z', state: 'overdue' }],
              policeNumberMissing: false,
            },
          ],
          total: 1,
          overdue: 1,
          dueSoon: 0,
        },
        untaken: [],
      }),
    ],
  ];

  it.each(cards)('%s shows Stockholm times in Swedish and English', (_name, card) => {
    for (const language of ['sv', 'en'] as const) {
      const text = render(language, { kind: 'card', card }).join('\n');
      expect(text).not.toMatch(RAW_TIMESTAMP);
    }
  });

  it('the owner view says when in words: 09:42 Stockholm time for 08:42 UTC', () => {
    const sv = render('sv', { kind: 'card', card: caseViewCard(taken, 'Norrby', 'owner', []) }).join('\n');
    expect(sv).toContain('1 dec. 2026 kl. 09:42');
    expect(sv).toContain('1 dec. 2026 kl. 09:30');
    const en = render('en', { kind: 'card', card: alertCard(taken, 'Norrby') }).join('\n');
    expect(en).toContain('1 Dec 2026, 09:42');
  });
});
