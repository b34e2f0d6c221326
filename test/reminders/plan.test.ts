import type { Case } from '../../src/domain/case';
import { CHECKLIST_DUE_DAYS, newChecklist } from '../../src/cases/checklist';
import type { ChecklistItem } from '../../src/domain/case';
import { DEFAULT_SWEEP_SETTINGS, itemReminders, planSweep } from '../../src/reminders/plan';
import { makeCase, makePerson } from '../support/fixtures';
import { DAY, HOUR, MINUTE } from './reminder-world';

const settings = DEFAULT_SWEEP_SETTINGS;
/** 14:02 in Stockholm on Monday 2 March 2026. */
const T0 = new Date('2026-03-02T13:02:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

function untaken(overrides: Partial<Case> = {}): Case {
  return makeCase({ createdAt: T0.toISOString(), checklist: newChecklist(T0), ...overrides });
}

function owned(owner = makePerson('Kim Kontakt'), overrides: Partial<Case> = {}): Case {
  return untaken({ owner, takenAt: T0.toISOString(), status: 'open', ...overrides });
}

const escalationsAt = (c: Case, ms: number) =>
  planSweep([c], at(ms), settings, 'escalation').escalations.map((e) => ({ n: e.n, dueAt: e.dueAt }));

describe('planSweep: the escalation ladder', () => {
  it('escalates an urgent case every 30 minutes while nobody has taken it', () => {
    const c = untaken({ urgent: true });
    expect(escalationsAt(c, 29 * MINUTE + 59_000)).toEqual([]);
    expect(escalationsAt(c, 30 * MINUTE)).toEqual([{ n: 1, dueAt: at(30 * MINUTE).toISOString() }]);
    const once = { ...c, escalations: 1, lastEscalatedAt: at(30 * MINUTE).toISOString() };
    expect(escalationsAt(once, 59 * MINUTE)).toEqual([]);
    expect(escalationsAt(once, 60 * MINUTE)).toEqual([{ n: 2, dueAt: at(60 * MINUTE).toISOString() }]);
  });

  it('escalates any other case every four hours', () => {
    const c = untaken();
    expect(escalationsAt(c, 4 * HOUR - 1)).toEqual([]);
    expect(escalationsAt(c, 4 * HOUR)).toEqual([{ n: 1, dueAt: at(4 * HOUR).toISOString() }]);
    expect(escalationsAt({ ...c, escalations: 1 }, 8 * HOUR)).toEqual([{ n: 2, dueAt: at(8 * HOUR).toISOString() }]);
  });

  it('uses the configured windows', () => {
    const c = untaken({ urgent: true });
    const plan = planSweep([c], at(10 * MINUTE), { ...settings, urgentWindowMs: 10 * MINUTE }, 'escalation');
    expect(plan.escalations.map((e) => e.n)).toEqual([1]);
  });

  it('stops once the case is taken or closed', () => {
    expect(escalationsAt(owned(undefined, { urgent: true, escalations: 2 }), 3 * HOUR)).toEqual([]);
    expect(escalationsAt(untaken({ urgent: true, status: 'closed' }), 3 * HOUR)).toEqual([]);
  });

  it('after a pause jumps to the windows elapsed instead of a burst of missed escalations', () => {
    const c = untaken({ urgent: true, escalations: 1 });
    expect(escalationsAt(c, 2 * HOUR + 5 * MINUTE)).toEqual([{ n: 4, dueAt: at(2 * HOUR).toISOString() }]);
  });

  it('ignores cases that came in after the moment swept, and sends no digest on an escalation sweep', () => {
    const plan = planSweep([untaken({ urgent: true }), owned()], at(-1), settings, 'escalation');
    expect(plan).toEqual({ date: '2026-03-02', ownerDigests: [], districtDigests: [], escalations: [] });
  });
});

describe('planSweep: the daily digest', () => {
  it('gives each owner one digest of all their open cases, overdue first, then due soon, then the rest', () => {
    const kim = makePerson('Kim Kontakt');
    const alex = makePerson('Alex Andrakontakt');
    const now = new Date('2026-03-14T07:00:00.000Z'); // Saturday 14 March, 08:00 in Stockholm
    const calm = owned(kim, {
      createdAt: '2026-03-13T07:00:00.000Z',
      checklist: newChecklist(new Date('2026-03-13T07:00:00.000Z')),
    });
    const late = owned(kim, {
      createdAt: '2026-02-27T09:00:00.000Z',
      checklist: newChecklist(new Date('2026-02-27T09:00:00.000Z')),
    });
    const soon = owned(kim, { createdAt: '2026-03-02T13:02:00.000Z' });
    const other = owned(alex);
    const closed = owned(kim, { status: 'closed' });
    // The calm case's items due in a day (not alone, company home) are due soon too; tick them so nothing is due.
    const dueInDays = (i: ChecklistItem): number => CHECKLIST_DUE_DAYS[i.id];
    calm.checklist = calm.checklist.map((i) => ({ ...i, doneAt: dueInDays(i) === 1 ? calm.createdAt : i.doneAt }));
    // Everything but the 14-day items done on the two older cases.
    for (const c of [late, soon]) {
      c.checklist = c.checklist.map((i) => (dueInDays(i) < 14 ? { ...i, doneAt: T0.toISOString() } : i));
    }

    const plan = planSweep([calm, soon, other, late, closed], now, settings, 'digest');

    expect(plan.escalations).toEqual([]);
    expect(plan.ownerDigests.map((d) => [d.owner.displayName, d.cases.map((x) => x.case.number)])).toEqual([
      ['Alex Andrakontakt', [other.number]],
      ['Kim Kontakt', [late.number, soon.number, calm.number]],
    ]);
    const kimDigest = plan.ownerDigests[1];
    expect(kimDigest?.cases[0]?.items.map((i) => [i.item, i.state])).toEqual([
      ['initial_followup', 'overdue'],
      ['further_conversations', 'overdue'],
      ['professional_support', 'overdue'],
    ]);
    expect(kimDigest?.cases[1]?.items.map((i) => [i.item, i.state])).toEqual([
      ['initial_followup', 'due_soon'],
      ['further_conversations', 'due_soon'],
      ['professional_support', 'due_soon'],
    ]);
    expect(kimDigest?.cases[2]?.items).toEqual([]);
  });

  it('lists the untaken cases per district, urgent first, then oldest first', () => {
    const older = untaken({ createdAt: '2026-03-01T10:00:00.000Z' });
    const newer = untaken();
    const urgent = untaken({ urgent: true, createdAt: T0.toISOString() });
    const elsewhere = untaken({ districtId: 'vastby' });
    const plan = planSweep([newer, elsewhere, older, urgent, owned()], at(HOUR), settings, 'digest');
    expect(plan.districtDigests.map((d) => [d.districtId, d.cases.map((c) => c.number)])).toEqual([
      ['norrby', [urgent.number, older.number, newer.number]],
      ['vastby', [elsewhere.number]],
    ]);
  });

  it('dates the digest by the calendar in Stockholm', () => {
    // 23:30 UTC on 2 March is 00:30 on 3 March in Stockholm.
    expect(planSweep([], new Date('2026-03-02T23:30:00.000Z'), settings, 'digest').date).toBe('2026-03-03');
  });
});

describe('itemReminders: the 14-day initial follow-up conversation', () => {
  const followUp = (c: Case, now: Date) => itemReminders(c, now, settings).find((r) => r.item === 'initial_followup');
  const c = owned(undefined, { createdAt: T0.toISOString(), checklist: newChecklist(T0) });
  const morning = (day: number): Date => new Date(Date.parse('2026-03-02T07:00:00.000Z') + day * DAY);

  it('is not mentioned three days before', () => {
    expect(followUp(c, morning(11))).toBeUndefined();
  });

  it('is due soon on the morning two days before, and the morning it is due', () => {
    expect(followUp(c, morning(12))?.state).toBe('due_soon');
    expect(followUp(c, morning(14))?.state).toBe('due_soon');
  });

  it('is overdue once its time has passed, and gone once ticked', () => {
    expect(followUp(c, morning(15))?.state).toBe('overdue');
    const done = { ...c, checklist: c.checklist.map((i) => ({ ...i, doneAt: morning(13).toISOString() })) };
    expect(followUp(done, morning(15))).toBeUndefined();
  });
});

describe('SweepPlanner: many cases, memory by people', () => {
  it('keeps the first cases a digest shows per owner and district, and counts all of them', () => {
    const kim = makePerson('Kim Kontakt');
    const now = new Date('2026-03-14T07:00:00.000Z');
    const cases: Case[] = [];
    for (let i = 0; i < 500; i += 1) {
      const created = new Date(Date.parse('2026-02-01T09:00:00.000Z') + i * HOUR);
      const checklist = newChecklist(created);
      cases.push(
        i % 2 === 0
          ? owned(kim, { createdAt: created.toISOString(), checklist })
          : untaken({ createdAt: created.toISOString(), checklist, urgent: i === 499 }),
      );
    }
    const bounded = planSweep(cases, now, settings, 'digest', 8);
    const whole = planSweep(cases, now, settings, 'digest');

    const [kimBounded] = bounded.ownerDigests;
    const [kimWhole] = whole.ownerDigests;
    expect(kimBounded?.total).toBe(250);
    expect(kimBounded?.cases.map((d) => d.case.number)).toEqual(kimWhole?.cases.slice(0, 8).map((d) => d.case.number));
    const items = kimWhole?.cases.flatMap((d) => d.items) ?? [];
    expect(kimBounded?.overdue).toBe(items.filter((i) => i.state === 'overdue').length);
    expect(kimBounded?.dueSoon).toBe(items.filter((i) => i.state === 'due_soon').length);
    expect(kimBounded?.overdue).toBeGreaterThan(0);

    const [norrby] = bounded.districtDigests;
    expect(norrby?.total).toBe(250);
    expect(norrby?.cases).toHaveLength(8);
    // The one urgent case leads even though it came in last.
    expect(norrby?.cases[0]?.number).toBe(cases[499]?.number);
    expect(norrby?.cases.map((c) => c.number)).toEqual(
      whole.districtDigests[0]?.cases.slice(0, 8).map((c) => c.number),
    );
  });
});
