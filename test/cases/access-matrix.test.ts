import type { Case } from '../../src/domain/case';
import { createCaseWorld, outcome, type CaseWorld } from './case-world';

/**
 * Who may see and do what with a case. Every cell runs on a fresh case of its own: reported by Olle (unknown to the
 * directory) on behalf of Mira (the exposed person, a known member of Norrby), with consent to share, taken by Kim.
 * "not_found" means the person may not know the case exists at all (never "forbidden").
 */
type Role =
  | 'owner'
  | 'reporter'
  | 'exposed'
  | 'district contact'
  | 'other district contact'
  | 'central'
  | 'municipality before sharing'
  | 'municipality after sharing'
  | 'unrelated member';

type Operation =
  'view details' | 'view own status' | 'take' | 'tick' | 'note' | 'hand over' | 'share' | 'close' | 'reopen';

/** 'ok' or the error code of the refusal. */
type Outcome = string;

const PERSON: Record<Role, string> = {
  owner: 'kim',
  reporter: 'olle',
  exposed: 'mira',
  'district contact': 'alex',
  'other district contact': 'vera',
  central: 'cecilia',
  'municipality before sharing': 'sam',
  'municipality after sharing': 'sam',
  'unrelated member': 'utan',
};

const NOT_FOUND = 'case.not_found';

// prettier-ignore
const MATRIX: Record<Role, Record<Operation, Outcome>> = {
  //                              view details        view own status   take                   tick                 note                 hand over            share                close                reopen
  owner:                         { 'view details': 'ok',          'view own status': 'ok', take: 'case.already_taken', tick: 'ok',             note: 'ok',               'hand over': 'ok',             share: 'ok',             close: 'ok',             reopen: 'ok' },
  reporter:                      { 'view details': 'status only', 'view own status': 'ok', take: 'case.not_allowed',   tick: 'case.not_owner', note: 'case.not_allowed', 'hand over': 'case.not_owner', share: 'case.not_owner', close: 'case.not_owner', reopen: 'case.not_allowed' },
  exposed:                       { 'view details': 'status only', 'view own status': 'ok', take: 'case.not_allowed',   tick: 'case.not_owner', note: 'case.not_allowed', 'hand over': 'case.not_owner', share: 'case.not_owner', close: 'case.not_owner', reopen: 'case.not_allowed' },
  'district contact':            { 'view details': 'ok',          'view own status': 'ok', take: 'ok',                 tick: 'case.not_owner', note: 'ok',               'hand over': 'case.not_owner', share: 'case.not_owner', close: 'case.not_owner', reopen: 'case.not_allowed' },
  'other district contact':      { 'view details': NOT_FOUND,     'view own status': NOT_FOUND, take: NOT_FOUND,      tick: NOT_FOUND,        note: NOT_FOUND,          'hand over': NOT_FOUND,        share: NOT_FOUND,        close: NOT_FOUND,        reopen: NOT_FOUND },
  central:                       { 'view details': 'ok',          'view own status': 'ok', take: 'ok',                 tick: 'case.not_owner', note: 'ok',               'hand over': 'case.not_owner', share: 'case.not_owner', close: 'case.not_owner', reopen: 'ok' },
  'municipality before sharing': { 'view details': NOT_FOUND,     'view own status': NOT_FOUND, take: NOT_FOUND,      tick: NOT_FOUND,        note: NOT_FOUND,          'hand over': NOT_FOUND,        share: NOT_FOUND,        close: NOT_FOUND,        reopen: NOT_FOUND },
  'municipality after sharing':  { 'view details': 'ok',          'view own status': 'ok', take: 'case.already_taken', tick: 'case.not_owner', note: 'case.not_allowed', 'hand over': 'case.not_owner', share: 'case.not_owner', close: 'case.not_owner', reopen: 'case.not_allowed' },
  'unrelated member':            { 'view details': NOT_FOUND,     'view own status': NOT_FOUND, take: NOT_FOUND,      tick: NOT_FOUND,        note: NOT_FOUND,          'hand over': NOT_FOUND,        share: NOT_FOUND,        close: NOT_FOUND,        reopen: NOT_FOUND },
};

let world: CaseWorld;
beforeAll(async () => {
  world = await createCaseWorld();
});
afterAll(async () => {
  await world.close();
});

/** A fresh case in the state the operation needs. */
async function prepare(role: Role, operation: Operation): Promise<Case> {
  let c = await world.submit('olle', {
    districtId: 'norrby',
    exposedUserId: 'console:mira',
    report: {
      reporter: { onBehalf: true, relation: 'Kollega i fullmäktige' },
      target: { name: 'Mira Medlem' },
      consentMunicipality: true,
    },
  });
  // Taking is tried on a case nobody has taken yet, except where only an owned case can exist (a shared one).
  if (operation !== 'take' || role === 'municipality after sharing' || role === 'owner') {
    c = await world.cases.take(c.id, world.actor('kim'), world.now());
  }
  if (role === 'municipality after sharing') c = await world.cases.share(c.id, world.actor('kim'), world.now());
  if (operation === 'reopen') c = await world.cases.close(c.id, world.actor('kim'), 'Avslutat för testet', world.now());
  return c;
}

async function perform(operation: Operation, c: Case, personId: string): Promise<Outcome> {
  const actor = world.actor(personId);
  const now = world.now();
  switch (operation) {
    case 'view details':
      return outcome(async () => {
        const { case: seen, role } = await world.cases.view(c.id, actor.userId);
        const card = world.cases.cardFor(seen, role, actor.userId);
        // The whole report travels in card sections; the member's own status card has none.
        if ((card.sections ?? []).length === 0) throw Object.assign(new Error('status only'), { code: 'status only' });
      });
    case 'view own status':
      return outcome(() => world.cases.view(c.id, actor.userId));
    case 'take':
      return outcome(() => world.cases.take(c.id, actor, now));
    case 'tick':
      return outcome(() => world.cases.tick(c.id, actor, 'not_alone', 'Stödperson utsedd', now));
    case 'note':
      return outcome(() => world.cases.note(c.id, actor, 'En anteckning', now));
    case 'hand over':
      return outcome(() => world.cases.offerHandover(c.id, actor, 'console:alex', now));
    case 'share':
      return outcome(() => world.cases.share(c.id, actor, now));
    case 'close':
      return outcome(() => world.cases.close(c.id, actor, 'Den utsatte vill avsluta', now));
    case 'reopen':
      return outcome(() => world.cases.reopen(c.id, actor, now));
  }
}

const cells = (Object.keys(MATRIX) as Role[]).flatMap((role) =>
  (Object.keys(MATRIX[role]) as Operation[]).map((operation) => [role, operation, MATRIX[role][operation]] as const),
);

describe('access matrix', () => {
  it.each(cells)('%s: %s → %s', async (role, operation, expected) => {
    const c = await prepare(role, operation);
    const before = await world.stores.cases.get(c.id);
    const result = await perform(operation, c, PERSON[role]);
    expect(result).toBe(expected);
    // A refusal changes nothing at all.
    if (result !== 'ok') expect(await world.stores.cases.get(c.id)).toEqual(before);
  });

  it('shows the reporter and the exposed person only the status and who helps, never the contacts’ notes', async () => {
    const c = await prepare('reporter', 'view own status');
    await world.cases.note(c.id, world.actor('alex'), 'Intern anteckning om Mira', world.now());
    for (const personId of ['olle', 'mira']) {
      const { case: seen, role } = await world.cases.view(c.id, `console:${personId}`);
      const card = world.cases.cardFor(seen, role, `console:${personId}`);
      expect(JSON.stringify(card)).not.toContain('Intern anteckning');
      expect(JSON.stringify(card)).toContain('Kim Kontakt');
    }
  });

  it('lists open cases only for contacts of the district and the central contact', async () => {
    const c = await prepare('district contact', 'note');
    const seesIt = async (personId: string) =>
      (await world.cases.openCasesFor(`console:${personId}`)).some((x) => x.id === c.id);
    expect(await seesIt('kim')).toBe(true);
    expect(await seesIt('alex')).toBe(true);
    expect(await seesIt('cecilia')).toBe(true);
    expect(await seesIt('vera')).toBe(false);
    expect(await seesIt('sam')).toBe(false);
    expect(await seesIt('mira')).toBe(false);
  });
});
