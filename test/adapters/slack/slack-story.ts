import { resolve } from 'node:path';
import type { SlackAdapter } from '../../../adapters/slack';
import { ACTION, decodeStepValue } from '../../../src/engine/actions';
import { startTestApp, type TestApp } from '../../support/app-harness';
import { FakeSlackApi, type FakeMessage } from './fake-slack-api';
import { asEvent, asInteraction, blockActions, messageIm, type Encoded } from './payloads';
import { postSigned, type DeliveryOptions } from './sign';

const SECRET = 'story-signing-secret';

/** A button as posted to Slack. */
export interface PostedButton {
  action_id: string;
  value: string;
}

/** Every button in some blocks, in order. */
export function buttonsIn(blocks: unknown): PostedButton[] {
  const found: PostedButton[] = [];
  JSON.stringify(blocks, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as { type?: string }).type === 'button') {
      found.push(value as PostedButton);
    }
    return value;
  });
  return found;
}

/**
 * The whole app (main.ts) on a real HTTP server with the Slack adapter pointed at a fake Slack Web API, and a clock
 * the test can move forward (for retries after Retry-After).
 */
export class SlackStory {
  private offsetMs = 0;

  private constructor(
    readonly app: TestApp,
    readonly fake: FakeSlackApi,
    private readonly clockOffset: { ms: number },
  ) {}

  static async start(env: Record<string, string> = {}): Promise<SlackStory> {
    const fake = await FakeSlackApi.start();
    for (const [id, name] of [
      ['U0MIRA', 'Mira Medlem'],
      ['U0KIM', 'Kim Kontakt'],
      ['U0ALEX', 'Alex Andrakontakt'],
    ] as const) {
      fake.users.set(id, { name: id.toLowerCase(), realName: name, locale: 'en-GB' });
    }
    const offset = { ms: 0 };
    const app = await startTestApp({
      listen: true,
      clock: { now: () => new Date(Date.now() + offset.ms) },
      env: {
        DIRECTORY_FILE: resolve(__dirname, 'directory.slack.yml'),
        SLACK_BOT_TOKEN: 'xoxb-story',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.url,
        ...env,
      },
    });
    return new SlackStory(app, fake, offset);
  }

  get adapter(): SlackAdapter {
    return this.app.vaktpost.adapters.find((a) => a.platform === 'slack') as SlackAdapter;
  }

  /** Moves the app's clock forward. */
  advance(ms: number): void {
    this.offsetMs += ms;
    this.clockOffset.ms = this.offsetMs;
  }

  /** Delivers a request as Slack would, then waits for the work after the ack and for queued notifications. */
  async deliver(request: Encoded, options: DeliveryOptions = {}): Promise<number> {
    const url = `${this.app.vaktpost.url}/slack/events`;
    const { status } = await postSigned(url, request.body, request.contentType, { secret: SECRET, ...options });
    await this.settle();
    return status;
  }

  async settle(): Promise<void> {
    await this.adapter.settled();
    await this.app.flush();
  }

  /** The member writes in the bot's DM. */
  say(user: string, text: string, eventId?: string): Promise<number> {
    return this.deliver(asEvent(messageIm(user, text, eventId ? { eventId } : {})));
  }

  /** Messages in a conversation as they read now (DMs are `D` + the user id without its `U`). */
  messages(channel: string): FakeMessage[] {
    return this.fake.messagesIn(channel);
  }

  /** The latest posted button in a conversation matching the test. */
  latestButton(channel: string, test: (button: PostedButton) => boolean): PostedButton {
    const buttons = this.messages(channel).flatMap((m) => buttonsIn(m.blocks));
    const found = buttons.reverse().find(test);
    if (!found) throw new Error(`no such button in ${channel}`);
    return found;
  }

  /** The block_actions payload of pressing a posted button. */
  pressPayload(
    user: string,
    button: PostedButton,
    channel: string,
    state?: Record<string, Record<string, unknown>>,
  ): object {
    return blockActions({
      user,
      actionId: button.action_id,
      value: button.value,
      channel,
      ...(state ? { state } : {}),
    });
  }

  /** Presses the answer button of a question in the member's DM. */
  async answer(user: string, stepId: string, value: string): Promise<void> {
    const dm = `D${user.slice(1)}`;
    const button = this.latestButton(dm, (b) => {
      const decoded = decodeStepValue(b.value);
      return b.action_id.startsWith(`${ACTION.answer}#`) && decoded?.stepId === stepId && decoded.value === value;
    });
    await this.deliver(asInteraction(this.pressPayload(user, button, dm)));
  }

  /** Presses OK under checkboxes or date pickers with the given state. */
  async ok(user: string, stepId: string, state: Record<string, unknown>): Promise<void> {
    const dm = `D${user.slice(1)}`;
    const button = this.latestButton(
      dm,
      (b) => b.action_id === `${ACTION.answer}#ok` && decodeStepValue(b.value)?.stepId === stepId,
    );
    await this.deliver(asInteraction(this.pressPayload(user, button, dm, { b1: state })));
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.fake.close();
  }
}
