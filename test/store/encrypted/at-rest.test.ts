import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stores } from '../../../src/ports/stores';
import { createStores } from '../../../src/store/create-stores';
import { startTestApp, type TestApp } from '../../support/app-harness';
import { CANARY, expectOwnerReadsEverything, filesUnder, reportTakeNoteClose } from './canary';

describe('reports at rest in the embedded store', () => {
  let dataDir: string;
  let stores: Stores | undefined;
  let app: TestApp | undefined;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vaktpost-at-rest-'));
  });
  afterEach(async () => {
    await app?.close();
    await stores?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every free-text answer out of every file under DATA_DIR, while the owner reads the whole report', async () => {
    const notices: string[] = [];
    stores = await createStores({ dataDir, onNotice: (n) => notices.push(n) });
    expect(notices.join('')).toMatch(/Created the master key file .*master-keys\.json \(mode 0600\)/);
    app = await startTestApp({ stores });
    const { id, texts } = await reportTakeNoteClose(app);
    // Every free-text question of the dialog was asked and answered.
    expect(texts.length).toBeGreaterThanOrEqual(20);
    expect(texts).toEqual(
      expect.arrayContaining(['description', 'witnesses', 'experience', 'perpetrator_description']),
    );
    // A second report left half-way: its answers sit in the session.
    await app.say('mira', 'hej');
    await app.say('mira', 'nej');
    await app.say('mira', '1');
    await app.say('mira', 'hot');
    await app.say('mira', `${CANARY} unfinished`);
    expect(JSON.stringify(await app.stores.sessions.ofUser(app.userId('mira')))).toContain(`${CANARY} unfinished`);
    await expectOwnerReadsEverything(app, id, texts);
    await app.close();
    await stores.close();
    stores = undefined;

    const files = await filesUnder(dataDir);
    expect(files.map((f) => f.slice(dataDir.length))).toEqual(
      expect.arrayContaining(['/cases.db', '/sessions.db', '/outbox.db', '/keyValues.db', '/keys/master-keys.json']),
    );
    for (const file of files) {
      expect({ file, canary: (await readFile(file, 'utf8')).includes(CANARY) }).toEqual({ file, canary: false });
      expect({ file, mode: ((await stat(file)).mode & 0o777).toString(8) }).toEqual({ file, mode: '600' });
    }
    for (const dir of [dataDir, join(dataDir, 'keys')]) {
      expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('700');
    }

    // After a restart over the same files, the report is read back whole.
    stores = await createStores({ dataDir });
    app = await startTestApp({ stores });
    await expectOwnerReadsEverything(app, id, texts);
  });
});
