import { REF_NAMESPACE, USER_NAMESPACE } from '../../../adapters/teams';
import { MEMBER, cardPress, installationUpdate, personalConversation, personalMessage } from './activities';
import { startFakeConnector, type FakeConnector } from './fake-connector';
import { startTeamsHarness, type TeamsHarness } from './teams-harness';

/**
 * Every activity tells where to reach its conversation. Writing that to the store on every message cost two sealed
 * writes per turn; a reference that has not changed since this process wrote it is not written again.
 */
describe('Teams conversation references: written when they change, read from the store once', () => {
  let connector: FakeConnector;
  let teams: TeamsHarness;
  let writes: string[];

  beforeEach(async () => {
    connector = await startFakeConnector();
    teams = await startTeamsHarness();
    writes = [];
    const { keyValues } = teams.stores;
    const put = keyValues.put.bind(keyValues);
    keyValues.put = (namespace, key, value) => {
      if (namespace === REF_NAMESPACE || namespace === USER_NAMESPACE) writes.push(`${namespace}|${key}`);
      return put(namespace, key, value);
    };
  });
  afterEach(async () => {
    await teams.close();
    await connector.close();
  });

  it('five messages and a card press from one member: the reference and the hint are written once each', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await teams.post(personalMessage(connector.serviceUrl, MEMBER, `meddelande ${i}`))).status).toBe(200);
    }
    await teams.post(cardPress(connector.serviceUrl, MEMBER, 'vaktpost', { a: 'help' }));
    expect(writes).toEqual([`${REF_NAMESPACE}|teams:dm:aad-member`, `${USER_NAMESPACE}|aad-member`]);
    expect(teams.turns.length).toBeGreaterThanOrEqual(5);
  });

  it('a member whose region moved: the new service url is stored at their next message', async () => {
    await teams.post(personalMessage(connector.serviceUrl, MEMBER, 'första'));
    const moved = `${connector.serviceUrl}/moved`;
    await teams.post(personalMessage(moved, MEMBER, 'andra'));
    const ref = await teams.stores.keyValues.get<{ serviceUrl: string }>(REF_NAMESPACE, 'teams:dm:aad-member');
    const hint = await teams.stores.keyValues.get<{ serviceUrl: string }>(USER_NAMESPACE, 'aad-member');
    expect(ref?.serviceUrl).toBe(moved);
    expect(hint?.serviceUrl).toBe(moved);
    expect(writes).toHaveLength(4);
  });

  it('a reference removed behind the adapter (another instance saw the uninstall) comes back with the next install', async () => {
    await teams.post(personalMessage(connector.serviceUrl, MEMBER, 'hej'));
    await teams.stores.keyValues.delete(REF_NAMESPACE, 'teams:dm:aad-member');
    await teams.post(installationUpdate(connector.serviceUrl, MEMBER, 'add'));
    expect(await teams.stores.keyValues.get(REF_NAMESPACE, 'teams:dm:aad-member')).not.toBeNull();
  });

  it('removed and added again through this adapter: the next message writes the reference again', async () => {
    await teams.post(personalMessage(connector.serviceUrl, MEMBER, 'hej'));
    await teams.post(installationUpdate(connector.serviceUrl, MEMBER, 'remove'));
    expect(await teams.stores.keyValues.get(REF_NAMESPACE, 'teams:dm:aad-member')).toBeNull();
    await teams.post(personalMessage(connector.serviceUrl, MEMBER, 'igen'));
    expect(await teams.stores.keyValues.get(REF_NAMESPACE, 'teams:dm:aad-member')).not.toBeNull();
  });
  it('five messages to a member who just wrote: the reference is not read from the store again, all five arrive', async () => {
    await teams.post(personalMessage(connector.serviceUrl, MEMBER, 'hej'));
    const reads: string[] = [];
    const { keyValues } = teams.stores;
    const get = keyValues.get.bind(keyValues);
    keyValues.get = <T>(namespace: string, key: string) => {
      if (namespace === REF_NAMESPACE) reads.push(key);
      return get<T>(namespace, key);
    };
    // A new adapter process would read it from the store: here the one that stored it knows it already.
    for (let i = 0; i < 5; i += 1) {
      await teams.adapter.notifier.send('teams:dm:aad-member', {
        language: 'sv',
        prompt: { kind: 'message', text: { raw: `Hej ${i}` } },
      });
    }
    expect(reads).toEqual([]);
    const sent = connector.calls.filter((c) => c.conversationId === personalConversation(MEMBER) && c.kind === 'send');
    expect(sent).toHaveLength(5);
  });
});
