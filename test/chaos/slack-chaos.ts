import { resolve } from 'node:path';
import { createVaktpost } from '../../main';
import { FakeSlackApi } from '../adapters/slack/fake-slack-api';
import { asEvent, messageIm } from '../adapters/slack/payloads';
import { postSigned } from '../adapters/slack/sign';
import { processEnv, ROOT } from './child-process';
import type { ChaosPlatform, ChaosWorld } from './chaos-harness';

/** Mira's report over Slack: events signed as Slack signs them, replies and alerts to the fake Slack Web API. */
export const SLACK_SECRET = 'chaos-signing-secret';
export const CHAOS_DIRECTORY = resolve(ROOT, 'test/chaos/directory.chaos.yml');
const CHANNEL = 'C0NORRBY';
const DM = 'D0MIRA';
/** Up to the summary: not in danger, for herself, a threat, what happened, by e-mail, yesterday, no police report. */
export const REPORT_ANSWERS = [
  'hej',
  'nej',
  '1',
  'hot',
  'Någon hotade mig utanför kommunhuset.',
  'e-post',
  'igår',
  '1',
];

/** The environment main.ts gets for Slack against `fake` (beside DATA_DIR and PORT). */
export function slackEnv(fake: FakeSlackApi): Record<string, string> {
  return {
    DIRECTORY_FILE: CHAOS_DIRECTORY,
    SLACK_BOT_TOKEN: 'xoxb-chaos',
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_API_URL: fake.url,
  };
}

/** Writes, through the app itself, a data folder where each Slack user has typed `answers` (turn ids `seed-…`). */
export async function seedSlack(
  dataDir: string,
  fake: FakeSlackApi,
  members: string[],
  answers: string[] = REPORT_ANSWERS,
): Promise<void> {
  const app = await createVaktpost({
    env: processEnv(slackEnv(fake), dataDir, 0),
    listen: false,
    schedule: false,
    dispatchIntervalMs: 0,
  });
  for (const member of members) {
    for (const [i, text] of answers.entries()) {
      await app.bot.handleTurn({
        eventId: `seed-${member}-${i}`,
        platform: 'slack',
        address: `slack:dm:${member}`,
        isDirect: true,
        user: { id: `slack:${member}`, displayName: member, locale: 'sv-SE' },
        text,
      });
    }
  }
  await app.flush();
  await app.close();
}

/** A signed `message.im` from `user` to the app at `baseUrl`; true when it answered 200. */
export async function postSlackMessage(
  baseUrl: string,
  user: string,
  text: string,
  eventId: string,
  retryNum?: number,
): Promise<boolean> {
  const event = asEvent(messageIm(user, text, { eventId }));
  const answer = await postSigned(`${baseUrl}/slack/events`, event.body, event.contentType, {
    secret: SLACK_SECRET,
    ...(retryNum === undefined ? {} : { retryNum }),
  });
  return answer.status === 200;
}

export const slackChaos: ChaosPlatform = {
  name: 'slack',
  reconciles: true,
  killWithinMs: 600,
  async prepare(templateDir, round): Promise<ChaosWorld> {
    const fake = await FakeSlackApi.start();
    fake.users.set('U0MIRA', { name: 'mira', realName: 'Mira Medlem', locale: 'sv-SE' });
    await seedSlack(templateDir, fake, ['U0MIRA']);
    const since = { channel: fake.messagesIn(CHANNEL).length, dm: fake.messagesIn(DM).length };
    return {
      env: slackEnv(fake),
      addresses: { alert: `slack:channel:${CHANNEL}`, member: 'slack:dm:U0MIRA' },
      // Slack delivers an event again, with X-Slack-Retry-Num, when it got no 200 in time.
      submit: (baseUrl, retry) =>
        postSlackMessage(baseUrl, 'U0MIRA', 'skicka', `EvChaos${round}`, retry ? 1 : undefined),
      channel: () => fake.messagesIn(CHANNEL).slice(since.channel),
      dm: () => fake.messagesIn(DM).slice(since.dm),
      close: () => fake.close(),
    };
  },
};
