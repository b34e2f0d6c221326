import { identifiersOf, normaliseHandle, normalisePhone } from '../../src/cases/repeat-perpetrators';
import { ACTION } from '../../src/engine/actions';
import type { Report } from '../../src/domain/report';
import { startTestApp, type TestApp } from '../support/app-harness';
import { makeReport } from '../support/fixtures';

describe('perpetrator identifiers', () => {
  it('normalises phone numbers, handles, e-mail and names, and takes no date or case number for a phone', () => {
    for (const typed of [
      '+46 70-123 45 67',
      '0701234567',
      '070-123 45 67',
      '0046 70 123 45 67',
      '+46 (0)70 123 4567',
    ]) {
      expect({ typed, phone: normalisePhone(typed) }).toEqual({ typed, phone: '0701234567' });
    }
    expect(normalisePhone('2026-03-08')).toBeNull();
    expect(normaliseHandle('@Hatkonto_99')).toBe(normaliseHandle('hatkonto_99'));
    const found = identifiersOf(
      makeReport({
        description: 'Skrev 2026-03-08 21:15 från @Hatkonto_99 och Arg.Person@Example.org, ärende K123456-26.',
        perpetrator: { description: 'Heter nog Nils  Nilsson, ringde från +46 70-123 45 67' },
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { kind: 'email', value: 'arg.person@example.org' },
        { kind: 'handle', value: 'hatkonto_99' },
        { kind: 'phone', value: '0701234567' },
        { kind: 'name', value: 'nils nilsson' },
      ]),
    );
    expect(found.filter((i) => i.kind === 'phone')).toHaveLength(1);
  });
});

describe('"possibly the same person" on the case view', () => {
  let app: TestApp;
  let time = Date.parse('2026-03-02T08:00:00.000Z');
  const clock = { now: () => new Date(time) };
  beforeEach(async () => {
    app = await startTestApp({ clock });
  });
  afterEach(() => app.close());

  let n = 0;
  async function submit(districtId: string, perpetrator: Partial<Report['perpetrator']>, account = 'mira') {
    n += 1;
    time += 60 * 60_000;
    return app.vaktpost.cases.submit(
      {
        id: `repeat-${n}`,
        reporter: { userId: app.userId(account), displayName: account, address: app.dm(account), language: 'sv' },
        districtId,
        report: makeReport({ description: 'Hotfulla samtal sent på kvällen.', perpetrator }),
        exposedUserId: app.userId(account),
      },
      clock.now(),
    );
  }

  it('links two cases naming +46 70-123 45 67 and 0701234567 for the owner, not for the member, and not across districts', async () => {
    const earlier = await submit('norrby', { description: 'Ringde från +46 70-123 45 67' });
    const elsewhere = await submit('vastby', { description: 'Samma nummer: 070-123 45 67' });
    const unrelated = await submit('norrby', { description: 'Ringde från 0709999999' });
    const later = await submit('norrby', { description: 'Nummer 0701234567, en man' });

    // Kim takes the new case: the case view in Kim's messages names the earlier one of Norrby, with a link.
    await app.press('kim', ACTION.caseTake, later.id);
    const owner = app.notifier.lastTextOf(app.dm('kim'));
    expect(owner).toContain(`Möjligen samma person som i ${earlier.number} (samma telefonnummer)`);
    expect(owner).not.toContain(elsewhere.number);
    expect(owner).not.toContain(unrelated.number);
    const link = app.notifier.actions(app.dm('kim'), ACTION.caseView).find((a) => a.label === `Visa ${earlier.number}`);
    expect(link?.value).toBe(earlier.id);
    await app.press('kim', ACTION.caseView, link?.value ?? '');
    expect(app.notifier.lastTextOf(app.dm('kim'))).toContain(`Ärende ${earlier.number}`);

    // The member who reported sees their own case without any such hint.
    await app.press('mira', ACTION.caseView, later.id);
    const member = app.notifier.lastTextOf(app.dm('mira'));
    expect(member).toContain(`Ditt ärende ${later.number}`);
    expect(member).not.toContain('Möjligen samma person');
    expect(app.notifier.textOf(app.dm('mira'))).not.toContain(earlier.number);

    // Västby's contact sees the Västby case and is not told about Norrby's, nor can open it.
    await app.press('vera', ACTION.caseView, elsewhere.id);
    expect(app.notifier.lastTextOf(app.dm('vera'))).not.toContain('Möjligen samma person');
    await app.press('vera', ACTION.caseView, earlier.id);
    expect(app.notifier.lastTextOf(app.dm('vera'))).toContain('Jag hittar inget sådant ärende.');

    // The central contact sees all districts: both earlier cases.
    await app.press('cecilia', ACTION.caseView, later.id);
    const central = app.notifier.lastTextOf(app.dm('cecilia'));
    expect(central).toContain(`Möjligen samma person som i ${earlier.number}`);
    expect(central).toContain(`Möjligen samma person som i ${elsewhere.number}`);
    expect(central).not.toContain(`som i ${unrelated.number}`);
  });

  it('matches @handles and names however they are written, and never a later case on an earlier one', async () => {
    const first = await submit('norrby', { description: 'Kontot @Hatkonto_99, heter Nils Nilsson' });
    const second = await submit('norrby', { description: 'Samma igen? Det var Nils  Nilsson', group: '@HATKONTO_99' });
    await app.press('kim', ACTION.caseTake, second.id);
    expect(app.notifier.lastTextOf(app.dm('kim'))).toContain(
      `Möjligen samma person som i ${first.number} (samma användarnamn, namn)`,
    );
    await app.press('kim', ACTION.caseTake, first.id);
    expect(app.notifier.lastTextOf(app.dm('kim'))).not.toContain('Möjligen samma person');
  });
});
