import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { startTestApp, type TestApp } from '../support/app-harness';

/**
 * `bind <district>` typed in a channel. The id is read as written (ids hold `-` and `_`, which matching folds into
 * spaces: `bind d1-2` once bound the channel to `d1`), and only the district's own security contacts may bind.
 */
const CHANNEL = 'console:channel:team-room';
let app: TestApp;

beforeEach(async () => {
  app = await startTestApp({ env: { DIRECTORY_FILE: resolve(__dirname, '../fixtures/directory.bind.yml') } });
});
afterEach(async () => {
  await app.close();
});

async function inChannel(account: string, text: string): Promise<string> {
  await app.turn({
    eventId: randomUUID(),
    platform: 'console',
    address: app.dm(account),
    isDirect: false,
    channelAddress: CHANNEL,
    user: { id: app.userId(account), displayName: account },
    text,
  });
  return app.notifier.lastTextOf(CHANNEL);
}

async function bindings(): Promise<string[]> {
  const all = (await Promise.all(['d1', 'd1-2', 'norra_skane'].map((id) => app.stores.bindings.ofDistrict(id)))).flat();
  // The web demo binds its own channel views at start; only the console channel typed in counts here.
  return all
    .map((binding) => `${binding.districtId}|${binding.address}`)
    .filter((key) => key.endsWith(CHANNEL))
    .sort();
}

describe('bind in a channel', () => {
  it('binds "d1-2" to d1-2, not to d1, and the alerts of d1-2 then reach the channel', async () => {
    expect(await inChannel('dana', 'bind d1-2')).toContain('Larm för Distrikt Ett-Två kommer hit');
    expect(await bindings()).toEqual([`d1-2|${CHANNEL}`]);

    // Mira belongs to d1-2: her report's alert reaches the bound channel.
    for (const text of ['hej', 'nej', '1', 'hot', 'Ett hotfullt mejl.', 'e-post', 'igår', '1', 'skicka']) {
      await app.say('mira', text);
    }
    expect(app.notifier.textOf(CHANNEL)).toMatch(/Nytt ärende VP-\d{4}-0001/);
    expect(app.notifier.textOf(CHANNEL)).toContain('Distrikt: Distrikt Ett-Två');
  });

  it('binds an id with "_" in Swedish ("koppla"), and by the district name as well', async () => {
    expect(await inChannel('nils', 'koppla norra_skane')).toContain('Larm för Norra Skåne kommer hit');
    expect(await inChannel('nils', '  bind   Norra Skåne ')).toContain('Larm för Norra Skåne kommer hit');
    expect(await bindings()).toEqual([`norra_skane|${CHANNEL}`]);
  });

  it('refuses a contact of another district, and the central contact, and stores nothing', async () => {
    expect(await inChannel('ettan', 'bind d1-2')).toContain('Bara säkerhetsansvariga i Distrikt Ett-Två');
    expect(await inChannel('cecilia', 'bind d1')).toContain('Bara säkerhetsansvariga i Distrikt Ett');
    expect(await inChannel('mira', 'bind d1-2')).toContain('Bara säkerhetsansvariga');
    expect(await bindings()).toEqual([]);
  });

  it('says which district it could not find, as written', async () => {
    expect(await inChannel('dana', 'bind d1-3')).toContain('Jag hittar inget distrikt "d1-3"');
    expect(await bindings()).toEqual([]);
  });
});
