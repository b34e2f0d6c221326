import { resolve } from 'node:path';
import { createRouting, LEGACY_BINDING_NAMESPACE, moveLegacyBindings } from '../../src/cases/routing';
import { createMemoryLogger } from '../../src/ports/logger';
import { loadDirectory, parseDirectory } from '../../src/directory/load-directory';
import { createEmbeddedStores } from '../../src/store/embedded/create-embedded-stores';

/**
 * Platforms are data in the directory: accounts and alert channels are held per platform name, so a platform the
 * core has never heard of ("matrix" here) needs no change to the core, and the old file format still loads.
 */
const file = {
  organisation: 'Testpartiet',
  people: [
    { id: 'kim', name: 'Kim Kontakt', accounts: { slack: 'U1', matrix: '@kim:example.org' } },
    { id: 'cecilia', name: 'Cecilia Central', accounts: { console: 'cecilia' } },
  ],
  districts: [
    { id: 'norrby', name: 'Norrby', contacts: ['kim'], alertChannels: { slack: 'C1', matrix: '!room:example.org' } },
  ],
  centralContact: 'cecilia',
};

describe('platforms in the directory', () => {
  it('knows people by their account on any platform, and routes alerts to every configured platform', async () => {
    const directory = parseDirectory(file, 'test');
    expect(directory.personOf('matrix:@kim:example.org')?.id).toBe('kim');
    expect(directory.userIdsOf(directory.person('kim')!)).toEqual(['slack:U1', 'matrix:@kim:example.org']);

    const stores = await createEmbeddedStores({});
    const everywhere = createRouting(directory, stores.bindings, () => true);
    expect(await everywhere.alertChannels('norrby')).toEqual(['slack:channel:C1', 'matrix:channel:!room:example.org']);
    // A platform that is not configured gets nothing: its notifier does not handle the address.
    const slackOnly = createRouting(directory, stores.bindings, (address) => address.startsWith('slack:'));
    expect(await slackOnly.alertChannels('norrby')).toEqual(['slack:channel:C1']);
    await stores.close();
  });

  it('still reads the files in the format they always had', async () => {
    const example = await loadDirectory(resolve(__dirname, '../../directory.example.yml'));
    expect(example.district('norrby')?.alertChannels).toEqual({});
    const slack = await loadDirectory(resolve(__dirname, '../adapters/slack/directory.slack.yml'));
    expect(slack.district('norrby')?.alertChannels).toEqual({ slack: 'C0NORRBY' });
  });

  it('moves channel bindings kept by earlier versions into the binding store, so no channel loses its alerts', async () => {
    const stores = await createEmbeddedStores({});
    const old = {
      districtId: 'norrby',
      address: 'teams:conv:19:x@thread',
      boundBy: 'teams:k',
      boundAt: '2026-01-01T00:00:00Z',
    };
    await stores.keyValues.put(LEGACY_BINDING_NAMESPACE, `norrby|${old.address}`, old);
    await stores.keyValues.put(LEGACY_BINDING_NAMESPACE, 'broken', { channel: 'no district' });
    const logger = createMemoryLogger();
    expect(await moveLegacyBindings(stores.keyValues, stores.bindings, logger)).toBe(1);
    expect(await stores.bindings.ofDistrict('norrby')).toEqual([old]);
    // The unreadable record is left where it was, not lost.
    expect((await stores.keyValues.list(LEGACY_BINDING_NAMESPACE)).map((e) => e.key)).toEqual(['broken']);
    await stores.close();
  });

  it('says what to fix when a platform name is not one', () => {
    const bad = { ...file, people: [{ id: 'kim', name: 'Kim', accounts: { 'Slack Workspace': 'U1' } }] };
    expect(() => parseDirectory(bad, 'directory.yml')).toThrow(/platform name in lower case/);
  });
});
