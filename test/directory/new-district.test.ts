/**
 * A district added to the directory file works without a restart: the district question offers it, a report made
 * there is routed to its security contact, and that contact can take the case.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION } from '../../src/engine/actions';
import { startTestApp, type TestApp } from '../support/app-harness';

const directoryYaml = (extraDistrict = ''): string => `organisation: Testpartiet
people:
  - id: kim
    name: Kim Kontakt
    accounts: { console: kim }
  - id: vera
    name: Vera Västkontakt
    accounts: { console: vera }
  - id: utan
    name: Udo Utan Distrikt
    accounts: { console: utan }
  - id: cecilia
    name: Cecilia Central
    accounts: { console: cecilia }
districts:
  - id: norrby
    name: Norrby
    contacts: [kim]
${extraDistrict}
centralContact: cecilia
`;

const SODERBY = `  - id: soderby
    name: Söderby
    contacts: [vera]
`;

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a new district in the directory file', () => {
  let dir: string;
  let app: TestApp;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vaktpost-new-district-'));
  });
  afterEach(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is offered, gets its cases and its contact can take them, without a restart', async () => {
    const file = join(dir, 'directory.yml');
    await writeFile(file, directoryYaml());
    app = await startTestApp({ directoryPollMs: 50, env: { DIRECTORY_FILE: file } });
    await app.say('utan', 'hej');
    await app.say('utan', 'nej');
    expect(app.notifier.lastTextOf(app.dm('utan'))).not.toContain('Söderby');
    await app.say('utan', 'avbryt');

    await writeFile(file, directoryYaml(SODERBY));
    await until(() => app.vaktpost.directory.district('soderby') !== undefined, 'the new district');

    await app.say('utan', 'hej');
    await app.say('utan', 'nej');
    expect(app.notifier.lastTextOf(app.dm('utan'))).toContain('Söderby');
    for (const answer of ['Söderby', '1', 'hot', 'Någon hotade mig på ett möte.', 'e-post', 'igår', '1', 'skicka']) {
      await app.say('utan', answer);
    }
    const [c] = await app.stores.cases.list({});
    expect(c?.districtId).toBe('soderby');
    // Söderby has no channel: its contact hears of the case directly, and takes it.
    const take = app.notifier.actions(app.dm('vera'), ACTION.caseTake)[0];
    expect(take?.value).toBe(c?.id);
    await app.press('vera', ACTION.caseTake, c?.id ?? '');
    expect((await app.stores.cases.get(c?.id ?? ''))?.owner?.displayName).toBe('Vera Västkontakt');
    expect(app.notifier.textOf(app.dm('kim'))).not.toContain(c?.number ?? '?');
  });
});
