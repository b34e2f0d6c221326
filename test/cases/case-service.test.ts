import type { Case } from '../../src/domain/case';
import { VaktpostError } from '../../src/domain/errors';
import { translate } from '../../src/i18n/translate';
import { createCaseWorld, outcome, SECRET, type CaseWorld } from './case-world';

const DAY = 24 * 3600 * 1000;
const CHANNEL = 'console:channel:norrby';
const dm = (personId: string): string => `console:dm:${personId}`;

let world: CaseWorld;
beforeEach(async () => {
  world = await createCaseWorld();
});
afterEach(async () => {
  await world.close();
});

/** What every message to the address said, as text. */
const textAt = (address: string): string => world.notifier.textOf(address);

/** Checks after each step that the timeline only grew: nothing earlier changed or went missing. */
function expectAppended(before: Case, after: Case, kind: string, byUserId: string | null): void {
  expect(after.timeline.slice(0, before.timeline.length)).toEqual(before.timeline);
  const added = after.timeline.slice(before.timeline.length);
  expect(added.map((e) => e.kind)).toEqual([kind]);
  expect(added[0]?.by?.userId ?? null).toBe(byUserId);
  expect(added[0]?.at).toBe(world.now().toISOString());
}

describe('submit', () => {
  it('gives a case number VP-YYYY-NNNN and alerts the district channel with only the minimum', async () => {
    await world.bind('norrby');
    const c = await world.submit('mira');
    const second = await world.submit('mira');
    await world.flush();

    expect(c.number).toBe('VP-2026-0001');
    expect(second.number).toBe('VP-2026-0002');
    expect(c.districtId).toBe('norrby');
    expect(c.status).toBe('new');
    expect(c.owner).toBeNull();

    const alert = world.notifier.to(CHANNEL)[0];
    expect(alert?.message.updateKey).toBe(`alert:${c.id}`);
    const card = alert?.message.prompt.kind === 'card' ? alert.message.prompt.card : undefined;
    // Number (in the title), district, category, urgency and time: nothing else.
    expect(card?.fields?.map((f) => translate('sv', f.label))).toEqual(['Distrikt', 'Kategori', 'Brådska', 'Inkom']);
    expect(card?.sections ?? []).toEqual([]);
    expect(alert?.text).toContain('Nytt ärende VP-2026-0001');
    expect(alert?.text).toContain('Distrikt: Norrby');
    expect(alert?.text).toContain('Kategori: Hot');
    expect(alert?.text).toContain('Brådska: Inte akut');
    expect(alert?.text).toContain('Inkom: 2 mars 2026 kl. 14:02');
    expect(alert?.text).toContain('[Ta ärendet]');

    // Nothing the member wrote, nor who they are or where it happened, ever reaches the channel.
    const channel = textAt(CHANNEL);
    for (const secret of Object.values(SECRET)) expect(channel).not.toContain(secret);
    expect(channel).not.toContain('console:mira');
    // The contacts got no private DM copy while the channel has the alert.
    expect(world.notifier.to(dm('kim'))).toEqual([]);
  });

  it('sends the alert of a district without contacts or channel to the central contact by DM', async () => {
    await world.bind('norrby');
    const c = await world.submit('utan', { districtId: 'sjodal' });
    await world.flush();

    expect(c.districtId).toBe('sjodal');
    expect(textAt(dm('cecilia'))).toContain(`Nytt ärende ${c.number}`);
    expect(textAt(dm('cecilia'))).toContain('Distrikt: Sjödal');
    expect(textAt(CHANNEL)).toBe('');
    expect(await world.cases.openCasesFor('console:cecilia')).toEqual([expect.objectContaining({ id: c.id })]);
  });

  it('marks an urgent report as urgent in the alert and in the case view', async () => {
    await world.bind('norrby');
    const c = await world.submit('mira', { report: { urgent: true, when: { ongoing: true, approximate: 'nu' } } });
    await world.flush();

    expect(c.urgent).toBe(true);
    expect(textAt(CHANNEL)).toContain(`AKUT ärende ${c.number}`);
    expect(textAt(CHANNEL)).toContain('Brådska: AKUT – någon i fara eller pågående');
    const { case: seen, role } = await world.cases.view(c.id, 'console:kim');
    const view = world.cases.cardFor(seen, role, 'console:kim');
    expect(translate('sv', view.title)).toBe(`AKUT ärende ${c.number}`);
    expect(view.tone).toBe('urgent');
  });

  it('makes one case of a retried submit with the same id', async () => {
    await world.bind('norrby');
    const first = await world.submit('mira', { id: 'session-abc' });
    const again = await world.submit('mira', { id: 'session-abc' });
    const [x, y] = await Promise.all([
      world.submit('mira', { id: 'session-abc' }),
      world.submit('mira', { id: 'session-abc' }),
    ]);
    await world.flush();

    for (const c of [again, x, y]) expect(c?.number).toBe(first.number);
    expect(await world.stores.cases.list({})).toHaveLength(1);
    expect(world.notifier.to(CHANNEL)).toHaveLength(1);
  });

  it('makes a contact who files on a member’s behalf the owner from the start', async () => {
    await world.bind('norrby');
    const c = await world.submit('kim', {
      report: { reporter: { onBehalf: true, relation: 'Säkerhetsansvarig' }, target: { name: SECRET.target } },
    });
    await world.flush();

    expect(c.owner).toEqual(world.actor('kim'));
    expect(c.status).toBe('open');
    expect(c.timeline.map((e) => [e.kind, e.by?.userId])).toEqual([
      ['submitted', 'console:kim'],
      ['taken', 'console:kim'],
    ]);
    expect(textAt(CHANNEL)).toContain('Tas om hand av Kim Kontakt sedan 14:02');
    expect(textAt(CHANNEL)).not.toContain('[Ta ärendet]');
    expect(textAt(dm('kim'))).toContain(SECRET.description);
    expect(await outcome(() => world.cases.take(c.id, world.actor('alex'), world.now()))).toBe('case.already_taken');
  });
});

describe('take: whoever takes the first call owns follow-up', () => {
  it('gives exactly one owner when ten take at once; the others hear who was first and when', async () => {
    await world.bind('norrby');
    const c = await world.submit('mira');
    const takers = ['kim', 'alex', 'cecilia', 'alex', 'kim', 'cecilia', 'alex', 'kim', 'cecilia', 'alex'];
    const results = await Promise.allSettled(takers.map((p) => world.cases.take(c.id, world.actor(p), world.now())));

    const won = results.filter((r): r is PromiseFulfilledResult<Case> => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const owner = won[0]?.value.owner;
    expect(owner).not.toBeNull();
    const stored = await world.stores.cases.get(c.id);
    expect(stored?.owner).toEqual(owner);
    expect(stored?.timeline.filter((e) => e.kind === 'taken')).toHaveLength(1);

    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    expect(refusals).toHaveLength(9);
    for (const error of refusals) {
      expect(error).toBeInstanceOf(VaktpostError);
      expect((error as VaktpostError).code).toBe('case.already_taken');
      expect((error as VaktpostError).details).toMatchObject({ name: owner?.displayName, time: '14:02' });
    }
    const wording = translate('sv', {
      key: 'error.case.already_taken',
      params: { name: 'Kim Kontakt', time: '14:02' },
    });
    expect(wording).toBe('Ärendet togs redan av Kim Kontakt kl. 14:02. Tack för att du var snabb.');
  });

  it('turns the channel alert into "taken by", sends the owner the whole case and tells the member who helps', async () => {
    await world.bind('norrby');
    const c = await world.submit('mira');
    await world.flush();
    world.advance(5 * 60 * 1000);
    const taken = await world.cases.take(c.id, world.actor('kim'), world.now());
    await world.flush();

    expectAppended(c, taken, 'taken', 'console:kim');
    const current = world.notifier.current(CHANNEL, `alert:${c.id}`);
    expect(current?.text).toContain('Tas om hand av Kim Kontakt sedan 14:07');
    expect(current?.text).not.toContain('[Ta ärendet]');
    expect(world.notifier.to(CHANNEL)).toHaveLength(2);
    expect(textAt(dm('kim'))).toContain(SECRET.description);
    expect(textAt(dm('kim'))).toContain('Ansvarig: Kim Kontakt');
    expect(textAt(dm('mira'))).toContain(`Kim Kontakt har tagit ditt ärende ${c.number}`);
    // The alert stays minimal after the change, too.
    for (const secret of Object.values(SECRET)) expect(textAt(CHANNEL)).not.toContain(secret);
  });

  it('lets only contacts of the district and the central contact take; others are refused or find nothing', async () => {
    const c = await world.submit('mira');
    expect(await outcome(() => world.cases.take(c.id, world.actor('mira'), world.now()))).toBe('case.not_allowed');
    expect(await outcome(() => world.cases.take(c.id, world.actor('vera'), world.now()))).toBe('case.not_found');
    expect(await outcome(() => world.cases.take(c.id, world.actor('utan'), world.now()))).toBe('case.not_found');
    expect(await outcome(() => world.cases.take(c.id, world.actor('sam'), world.now()))).toBe('case.not_found');
    expect((await world.stores.cases.get(c.id))?.owner).toBeNull();
    expect(await outcome(() => world.cases.take(c.id, world.actor('cecilia'), world.now()))).toBe('ok');
  });

  it('says "not found", not "forbidden", to anyone who may not see the case', async () => {
    const c = await world.submit('mira');
    for (const stranger of ['vera', 'utan', 'sam', 'nobody-at-all']) {
      expect(await outcome(() => world.cases.view(c.id, `console:${stranger}`))).toBe('case.not_found');
    }
    expect(await outcome(() => world.cases.view('no-such-case', 'console:kim'))).toBe('case.not_found');
  });
});

describe('hand-over', () => {
  it('moves ownership only when the named successor accepts; until then the owner stays', async () => {
    await world.bind('norrby');
    const c = await world.submit('mira');
    const taken = await world.cases.take(c.id, world.actor('kim'), world.now());

    expect(await outcome(() => world.cases.offerHandover(c.id, world.actor('kim'), 'console:vera', world.now()))).toBe(
      'case.handover_invalid',
    );
    expect(await outcome(() => world.cases.offerHandover(c.id, world.actor('kim'), 'console:mira', world.now()))).toBe(
      'case.handover_invalid',
    );
    expect(await outcome(() => world.cases.offerHandover(c.id, world.actor('alex'), 'console:alex', world.now()))).toBe(
      'case.not_owner',
    );

    world.advance(60_000);
    const offered = await world.cases.offerHandover(c.id, world.actor('kim'), 'console:alex', world.now());
    expectAppended(taken, offered, 'handover_offered', 'console:kim');
    expect(offered.owner?.userId).toBe('console:kim');
    expect(offered.pendingHandover?.userId).toBe('console:alex');
    await world.flush();
    expect(textAt(dm('alex'))).toContain(`Vill du ta över ärende ${c.number}?`);
    expect(textAt(dm('alex'))).toContain('[Ta över ärendet] [Tacka nej]');

    // Nobody but the named successor can answer the offer.
    expect(await outcome(() => world.cases.acceptHandover(c.id, world.actor('cecilia'), world.now()))).toBe(
      'case.handover_not_pending',
    );

    const declined = await world.cases.declineHandover(c.id, world.actor('alex'), world.now());
    expectAppended(offered, declined, 'handover_declined', 'console:alex');
    expect(declined.owner?.userId).toBe('console:kim');
    expect(declined.pendingHandover).toBeNull();
    await world.flush();
    expect(textAt(dm('kim'))).toContain(
      `Alex Andrakontakt tackade nej till ärende ${c.number}. Du är fortfarande ansvarig.`,
    );

    const again = await world.cases.offerHandover(c.id, world.actor('kim'), 'console:alex', world.now());
    world.advance(60_000);
    const accepted = await world.cases.acceptHandover(c.id, world.actor('alex'), world.now());
    expectAppended(again, accepted, 'handover_accepted', 'console:alex');
    expect(accepted.owner).toEqual(world.actor('alex'));
    expect(accepted.pendingHandover).toBeNull();
    await world.flush();
    expect(textAt(dm('kim'))).toContain(`Alex Andrakontakt har tagit över ärende ${c.number}`);
    expect(textAt(dm('mira'))).toContain(`Ditt ärende ${c.number} har lämnats över till Alex Andrakontakt`);
    expect(world.notifier.current(CHANNEL, `alert:${c.id}`)?.text).toContain('Tas om hand av Alex Andrakontakt');
    // The former owner is an ordinary contact again.
    expect(await outcome(() => world.cases.tick(c.id, world.actor('kim'), 'not_alone', null, world.now()))).toBe(
      'case.not_owner',
    );
  });

  it('never leaves a taken case without an owner, whatever anyone does', async () => {
    const c = await world.submit('mira', { report: { consentMunicipality: true } });
    await world.cases.take(c.id, world.actor('kim'), world.now());
    const attempts: Array<() => Promise<unknown>> = [
      () => world.cases.take(c.id, world.actor('alex'), world.now()),
      () => world.cases.offerHandover(c.id, world.actor('kim'), 'console:cecilia', world.now()),
      () => world.cases.declineHandover(c.id, world.actor('cecilia'), world.now()),
      () => world.cases.acceptHandover(c.id, world.actor('alex'), world.now()),
      () => world.cases.offerHandover(c.id, world.actor('kim'), '', world.now()),
      () => world.cases.tick(c.id, world.actor('kim'), 'not_alone', 'Ringde upp', world.now()),
      () => world.cases.note(c.id, world.actor('alex'), 'Pratat med Kim', world.now()),
      () => world.cases.share(c.id, world.actor('kim'), world.now()),
      () => world.cases.close(c.id, world.actor('kim'), 'Den utsatte vill inte ha mer hjälp', world.now()),
      () => world.cases.reopen(c.id, world.actor('cecilia'), world.now()),
      () => world.cases.close(c.id, world.actor('alex'), 'försök', world.now()),
    ];
    for (const attempt of attempts) {
      await outcome(attempt);
      expect((await world.stores.cases.get(c.id))?.owner).not.toBeNull();
    }
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(world.cases))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/release|drop|untake|unassign/i)]),
    );
  });
});

describe('the follow-up routine', () => {
  it('gives each case a checklist with due dates: the initial follow-up within 14 days', async () => {
    const c = await world.submit('mira');
    const due = Object.fromEntries(c.checklist.map((i) => [i.id, new Date(i.dueAt).getTime() - world.now().getTime()]));
    expect(due).toEqual({
      not_alone: 1 * DAY,
      company_home: 1 * DAY,
      police_report: 7 * DAY,
      initial_followup: 14 * DAY,
      further_conversations: 14 * DAY,
      professional_support: 14 * DAY,
    });
    expect(c.checklist.every((i) => i.doneAt === null)).toBe(true);
    const { case: seen, role } = await world.cases.view(c.id, 'console:kim');
    const view = world.cases.cardFor(seen, role, 'console:kim');
    const lines = view.sections?.flatMap((s) => s.lines ?? []).map((l) => translate('sv', l)) ?? [];
    expect(lines).toContain(
      '☐ Första uppföljningssamtal med de inblandade (inom 14 dagar), dokumenterat – senast 16 mars 2026',
    );
    // Seed 004 §3.2.2: company home or to healthcare, at once.
    expect(lines).toContain('☐ Någon följer med den utsatta hem eller till vården, om det behövs – senast 3 mars 2026');
  });

  it('lets the owner tick items with a note; closing needs a complete checklist or a reason; it can be reopened', async () => {
    await world.bind('norrby');
    const c = await world.submit('mira');
    let current = await world.cases.take(c.id, world.actor('kim'), world.now());

    world.advance(DAY);
    const ticked = await world.cases.tick(
      c.id,
      world.actor('kim'),
      'initial_followup',
      'Samtal med Mira och Kim',
      world.now(),
    );
    expectAppended(current, ticked, 'item_done', 'console:kim');
    const item = ticked.checklist.find((i) => i.id === 'initial_followup');
    expect(item).toMatchObject({
      doneAt: world.now().toISOString(),
      doneBy: world.actor('kim'),
      note: 'Samtal med Mira och Kim',
    });
    const view = world.cases.cardFor(ticked, 'owner', 'console:kim');
    const lines = view.sections?.flatMap((s) => s.lines ?? []).map((l) => translate('sv', l)) ?? [];
    expect(lines).toContain(
      '☑ Första uppföljningssamtal med de inblandade (inom 14 dagar), dokumenterat – klart 3 mars 2026 (Kim Kontakt): Samtal med Mira och Kim',
    );
    current = ticked;

    expect(await outcome(() => world.cases.close(c.id, world.actor('kim'), null, world.now()))).toBe('case.not_closed');
    expect(await outcome(() => world.cases.close(c.id, world.actor('kim'), '   ', world.now()))).toBe(
      'case.not_closed',
    );

    const closed = await world.cases.close(
      c.id,
      world.actor('kim'),
      'Mira vill avsluta, polisen har ärendet',
      world.now(),
    );
    expectAppended(current, closed, 'closed', 'console:kim');
    expect(closed.status).toBe('closed');
    expect(closed.closeReason).toBe('Mira vill avsluta, polisen har ärendet');
    expect(closed.owner?.userId).toBe('console:kim');
    expect(await outcome(() => world.cases.tick(c.id, world.actor('kim'), 'not_alone', null, world.now()))).toBe(
      'case.closed',
    );
    await world.flush();
    expect(textAt(dm('mira'))).toContain(`Ditt ärende ${c.number} är avslutat`);
    expect(world.notifier.current(CHANNEL, `alert:${c.id}`)?.text).toContain('Ärendet är avslutat.');

    const reopened = await world.cases.reopen(c.id, world.actor('kim'), world.now());
    expectAppended(closed, reopened, 'reopened', 'console:kim');
    expect(reopened.status).toBe('open');
    expect(reopened.closeReason).toBeNull();
    expect(reopened.owner?.userId).toBe('console:kim');
    await world.flush();
    // The channel's alert no longer says the case is closed.
    const alertNow = world.notifier.current(CHANNEL, `alert:${c.id}`)?.text;
    expect(alertNow).toContain('Tas om hand av Kim Kontakt');
    expect(alertNow).not.toContain('Ärendet är avslutat.');

    // Kim ticks whatever is still open on the checklist; then the case closes without a reason.
    let done = reopened;
    for (const item of reopened.checklist.filter((i) => i.doneAt === null)) {
      done = await world.cases.tick(c.id, world.actor('kim'), item.id, null, world.now());
    }
    const closedComplete = await world.cases.close(c.id, world.actor('kim'), null, world.now());
    expect(closedComplete.status).toBe('closed');
    expectAppended(done, closedComplete, 'closed', 'console:kim');
  });
});

describe('sharing with the municipality', () => {
  it('is refused without the exposed person’s consent, and the municipality still finds nothing', async () => {
    const c = await world.submit('mira', { report: { consentMunicipality: false } });
    await world.cases.take(c.id, world.actor('kim'), world.now());
    const refused = await outcome(() => world.cases.share(c.id, world.actor('kim'), world.now()));
    expect(refused).toBe('case.no_consent');
    expect(translate('sv', { key: `error.${refused}` })).toContain('har inte sagt ja');
    expect(await outcome(() => world.cases.view(c.id, 'console:sam'))).toBe('case.not_found');
    expect((await world.stores.cases.get(c.id))?.sharedWithMunicipality).toBeNull();
  });

  it('with consent lets the municipality’s security officer see the whole case', async () => {
    const c = await world.submit('mira', { report: { consentMunicipality: true } });
    const taken = await world.cases.take(c.id, world.actor('kim'), world.now());
    expect(await outcome(() => world.cases.view(c.id, 'console:sam'))).toBe('case.not_found');

    const shared = await world.cases.share(c.id, world.actor('kim'), world.now());
    expectAppended(taken, shared, 'shared', 'console:kim');
    expect(shared.sharedWithMunicipality).toBe('norrby-kommun');
    const { case: seen, role } = await world.cases.view(c.id, 'console:sam');
    expect(role).toBe('municipality');
    const card = world.cases.cardFor(seen, role, 'console:sam');
    const text = card.sections?.flatMap((s) => s.fields ?? []).map((f) => translate('sv', f.value)) ?? [];
    expect(text).toContain(SECRET.description);
    await world.flush();
    expect(textAt(dm('sam'))).toContain(`Ärende ${c.number}`);
    expect(textAt(dm('sam'))).toContain('Delat med kommunen: Ja');
  });
});

describe('the timeline', () => {
  it('records every change with who and when, append-only, and shows it in the case view', async () => {
    await world.bind('norrby');
    let c = await world.submit('mira', { report: { consentMunicipality: true } });
    const steps: Array<[string, string, () => Promise<Case>]> = [
      ['taken', 'kim', () => world.cases.take(c.id, world.actor('kim'), world.now())],
      ['note', 'alex', () => world.cases.note(c.id, world.actor('alex'), 'Jag kan ta nästa samtal', world.now())],
      [
        'item_done',
        'kim',
        () => world.cases.tick(c.id, world.actor('kim'), 'not_alone', 'Stödperson: Alex', world.now()),
      ],
      ['shared', 'kim', () => world.cases.share(c.id, world.actor('kim'), world.now())],
      [
        'handover_offered',
        'kim',
        () => world.cases.offerHandover(c.id, world.actor('kim'), 'console:alex', world.now()),
      ],
      ['handover_accepted', 'alex', () => world.cases.acceptHandover(c.id, world.actor('alex'), world.now())],
      ['closed', 'alex', () => world.cases.close(c.id, world.actor('alex'), 'Klart enligt Mira', world.now())],
      ['reopened', 'cecilia', () => world.cases.reopen(c.id, world.actor('cecilia'), world.now())],
    ];
    for (const [kind, who, step] of steps) {
      world.advance(10 * 60 * 1000);
      const next = await step();
      expectAppended(c, next, kind, `console:${who}`);
      c = next;
    }
    expect(c.timeline.map((e) => e.kind)).toEqual(['submitted', ...steps.map(([kind]) => kind)]);
    const view = world.cases.cardFor(c, 'central', 'console:cecilia');
    const timeline = view.sections?.find((s) => s.heading && translate('sv', s.heading) === 'Händelser');
    const lines = (timeline?.lines ?? []).map((l) => translate('sv', l));
    expect(lines).toEqual([
      '2 mars 2026 kl. 14:02 Inrapporterat av Mira Medlem',
      '2 mars 2026 kl. 14:12 Taget av Kim Kontakt',
      '2 mars 2026 kl. 14:22 Alex Andrakontakt: Jag kan ta nästa samtal',
      '2 mars 2026 kl. 14:32 Kim Kontakt bockade av en punkt i uppföljningen',
      '2 mars 2026 kl. 14:42 Kim Kontakt delade ärendet med Norrby kommun',
      '2 mars 2026 kl. 14:52 Kim Kontakt erbjöd ärendet till Alex Andrakontakt',
      '2 mars 2026 kl. 15:02 Alex Andrakontakt tog över ärendet',
      '2 mars 2026 kl. 15:12 Avslutat av Alex Andrakontakt. Klart enligt Mira',
      '2 mars 2026 kl. 15:22 Öppnat igen av Cecilia Central',
    ]);
  });
});

describe('undeliverable notifications', () => {
  it('sends the alert to the central contact and records delivery_failed when the channel is gone', async () => {
    await world.bind('norrby');
    world.notifier.failFor(CHANNEL, { kind: 'blocked', reason: 'channel_not_found' });
    const c = await world.submit('mira');
    await world.flush();

    const stored = await world.stores.cases.get(c.id);
    const failed = stored?.timeline.filter((e) => e.kind === 'delivery_failed') ?? [];
    expect(failed).toHaveLength(1);
    expect(failed[0]?.detail).toBe('console');
    const central = textAt(dm('cecilia'));
    expect(central).toContain(`Nytt ärende ${c.number}`);
    expect(central).toContain('Larmet kunde inte nå distriktets kanal för Norrby');
    for (const secret of Object.values(SECRET)) expect(central).not.toContain(secret);
    const view = world.cases.cardFor(stored as Case, 'central', 'console:cecilia');
    const lines = view.sections?.flatMap((s) => s.lines ?? []).map((l) => translate('sv', l)) ?? [];
    expect(lines).toContain(
      '2 mars 2026 kl. 14:02 Ett meddelande kunde inte levereras (console); central säkerhetsansvarig fick det',
    );
  });

  it('records the failure directly too (recordUndeliverable)', async () => {
    const c = await world.submit('mira');
    await world.cases.recordUndeliverable(c.id, `${c.id}:alert-submitted:${CHANNEL}`, CHANNEL, world.now());
    await world.flush();
    expect((await world.stores.cases.get(c.id))?.timeline.map((e) => e.kind)).toEqual(['submitted', 'delivery_failed']);
    expect(textAt(dm('cecilia'))).toContain('Larmet kunde inte nå distriktets kanal för Norrby');
  });
});
