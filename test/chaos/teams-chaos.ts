import { createVaktpost } from '../../main';
import {
  CHANNEL,
  channelMention,
  personalConversation,
  personalMessage,
  type Person,
} from '../adapters/teams/activities';
import { textOf } from '../adapters/teams/card-text';
import { startFakeConnector, type FakeConnector } from '../adapters/teams/fake-connector';
import { processEnv } from './child-process';
import type { ChaosPlatform, ChaosWorld } from './chaos-harness';
import { CHAOS_DIRECTORY, REPORT_ANSWERS } from './slack-chaos';

/**
 * Mira's report over Teams: Bot Framework activities posted to /api/messages (TEAMS_DEV_NO_AUTH, as the Teams tests
 * run), every reply and alert sent proactively to the fake Bot Connector at the activities' serviceUrl.
 */
const MIRA: Person = { teamsId: '29:mira', aadObjectId: 'aad-mira', name: 'Mira Medlem' };
const KIM: Person = { teamsId: '29:kim', aadObjectId: 'aad-kim', name: 'Kim Kontakt' };

const teamsEnv = (): Record<string, string> => ({ DIRECTORY_FILE: CHAOS_DIRECTORY, TEAMS_DEV_NO_AUTH: '1' });

async function postActivity(baseUrl: string, activity: object): Promise<boolean> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await res.arrayBuffer();
  return res.status >= 200 && res.status < 300;
}

/** Kim binds the channel, Mira types her report up to the summary: through the app itself, over HTTP. */
async function seedTeams(dataDir: string, connector: FakeConnector): Promise<void> {
  const app = await createVaktpost({
    env: processEnv(teamsEnv(), dataDir, 0),
    schedule: false,
    dispatchIntervalMs: 0,
  });
  try {
    const say = async (activity: object) => {
      if (!(await postActivity(app.url, activity))) throw new Error('teams chaos seed: an activity was refused');
      await app.flush();
    };
    await say(channelMention(connector.serviceUrl, KIM, 'bind norrby'));
    for (const text of REPORT_ANSWERS) await say(personalMessage(connector.serviceUrl, MIRA, text));
  } finally {
    await app.close();
  }
}

export const teamsChaos: ChaosPlatform = {
  name: 'teams',
  // The Bot Connector cannot list what was sent: a send in doubt is sent again.
  reconciles: false,
  killWithinMs: 250,
  async prepare(templateDir): Promise<ChaosWorld> {
    const connector = await startFakeConnector();
    await seedTeams(templateDir, connector);
    const since = connector.calls.length;
    const sentTo = (conversationId: string) =>
      connector.calls
        .slice(since)
        .filter((c) => c.kind === 'send' && c.conversationId === conversationId)
        .map((c) => ({ text: textOf(c) }));
    // One activity, delivered again as it was (same id) when the first try got no 2xx.
    const submit = personalMessage(connector.serviceUrl, MIRA, 'skicka');
    return {
      env: teamsEnv(),
      addresses: { alert: `teams:conv:${CHANNEL}`, member: `teams:dm:${MIRA.aadObjectId}` },
      submit: (baseUrl) => postActivity(baseUrl, submit),
      channel: () => sentTo(CHANNEL),
      dm: () => sentTo(personalConversation(MIRA)),
      close: () => connector.close(),
    };
  },
};
