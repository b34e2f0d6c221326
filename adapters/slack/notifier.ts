import type { webApi } from '@slack/bolt';
import type { OutgoingMessage } from '../../src/engine/prompt';
import { isVaktpostError } from '../../src/domain/errors';
import type { EvidenceKeeper } from '../../src/ports/evidence';
import type { KeyValueStore } from '../../src/ports/key-value-store';
import { reconcileUpload, uploadToChannel } from './files';
import type { SlackJsonCalls } from './json-calls';
import { DeliveryError, type Notifier, type ReconcileAnswer, type SendOptions } from '../../src/ports/notifier';
import { slackErrorCode, toDeliveryError } from './map-slack-error';
import { MODAL_NAMESPACE } from './modal';
import { renderPrompt, type RenderedPrompt } from './render';

/** Where the posted message of each update key is kept, so a later send edits it instead of posting anew. */
export const MESSAGE_NAMESPACE = 'slack-message';

/** The message metadata event type that carries the outbox notification id. */
export const METADATA_EVENT = 'vaktpost_notification';

/** Slack's place for a posted message. */
export interface PostedMessage {
  channel: string;
  ts: string;
}

/** Errors of chat.update meaning the old message is gone or frozen: post a fresh one instead. */
const UPDATE_GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed', 'channel_not_found']);

type Target = { kind: 'dm' | 'channel' | 'home'; id: string };

/** Reads `slack:dm:<user>`, `slack:channel:<channel>` or `slack:home:<user>`; null for anything else. */
export function parseSlackAddress(address: string): Target | null {
  const match = /^slack:(dm|channel|home):([A-Z0-9]+)$/i.exec(address);
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1] as Target['kind'], id: match[2] };
}

/**
 * Delivers neutral messages to Slack. A DM goes to the user id (Slack puts it in the app's DM), a channel alert to
 * the channel, and anything for `slack:home:<user>` becomes that user's Home tab. Failures are thrown as
 * DeliveryError for the dispatcher, which retries with backoff.
 */
export class SlackNotifier implements Notifier {
  constructor(
    private readonly client: webApi.WebClient,
    /** A message's post, update and Home tab as JSON calls (cheaper than the client's URL-encoded forms). */
    private readonly calls: SlackJsonCalls,
    private readonly keyValues: KeyValueStore,
    /** Vaktpost's copies of evidence files, shared to the owner's DM (`files:write`); absent: names only. */
    private readonly evidence?: EvidenceKeeper,
  ) {}

  handles(address: string): boolean {
    return address.startsWith('slack:');
  }

  /**
   * Every Slack address: a DM or channel message carries its notification id in its metadata, so `reconcile` finds it
   * after a crash; a Home tab is replaced as a whole, so publishing it again is harmless.
   */
  settlesInDoubt(address: string): boolean {
    return parseSlackAddress(address) !== null;
  }

  async send(address: string, message: OutgoingMessage, options: SendOptions = {}): Promise<void> {
    const target = parseSlackAddress(address);
    if (!target)
      throw new DeliveryError({ kind: 'invalid_address', reason: 'not a Slack dm, channel or home address' });
    const rendered = renderPrompt(message.prompt, message.language, target.kind === 'home' ? 'view' : 'message');
    try {
      // Stored before posting: the button may be pressed the moment it appears.
      for (const [key, spec] of rendered.modals) await this.keyValues.put(MODAL_NAMESPACE, key, spec);
      if (target.kind === 'home') {
        await this.calls.call('views.publish', { user_id: target.id, view: { type: 'home', blocks: rendered.blocks } });
        return;
      }
      if (message.prompt.kind === 'file' && this.evidence) {
        await this.sendFile(target, message.prompt.file, rendered.text, options.notificationId);
        return;
      }
      if (message.updateKey === undefined) {
        await this.post(target.id, rendered, options.notificationId);
        return;
      }
      await this.postOrUpdate(`${message.updateKey}|${address}`, target.id, rendered, options.notificationId);
    } catch (error) {
      // The copy is gone (the case was erased) or changed: sending again cannot help.
      if (isVaktpostError(error, 'evidence.unavailable'))
        throw new DeliveryError({ kind: 'blocked', reason: error.message });
      throw toDeliveryError(error);
    }
  }

  /** The file itself into the DM (or channel), with the case number, name and SHA-256 as its comment. */
  private async sendFile(
    target: Target,
    file: Extract<OutgoingMessage['prompt'], { kind: 'file' }>['file'],
    comment: string,
    notificationId?: string,
  ): Promise<void> {
    const channel =
      target.kind === 'channel' ? target.id : (await this.client.conversations.open({ users: target.id })).channel?.id;
    if (!channel) throw new DeliveryError({ kind: 'retry', reason: 'conversations.open gave no channel' });
    await uploadToChannel(this.client, this.keyValues, this.evidence as EvidenceKeeper, {
      channel,
      file,
      comment,
      ...(notificationId ? { notificationId } : {}),
    });
  }

  /**
   * Looks for a message posted with this notification id in its metadata since `since` (a send cut short by a crash):
   * conversations.history with include_all_metadata, in the alert channel or the member's DM (conversations.open).
   * Needs the `channels:history`, `groups:history`, `im:history` and `im:write` scopes. Any failure is 'unknown', and
   * the dispatcher sends again: at least once.
   */
  async reconcile(
    address: string,
    message: OutgoingMessage,
    notificationId: string,
    since: Date,
  ): Promise<ReconcileAnswer> {
    const target = parseSlackAddress(address);
    // A Home tab is replaced as a whole: publishing it again is harmless.
    if (!target || target.kind === 'home') return 'unknown';
    try {
      // A file carries no message metadata: the file id recorded between the upload's steps tells instead.
      if (message.prompt.kind === 'file' && this.evidence) {
        return await reconcileUpload(this.client, this.keyValues, notificationId);
      }
      const channel =
        target.kind === 'channel'
          ? target.id
          : (await this.client.conversations.open({ users: target.id })).channel?.id;
      if (!channel) return 'unknown';
      const history = await this.client.conversations.history({
        channel,
        // A few seconds of slack between our clock and Slack's.
        oldest: ((since.getTime() - 10_000) / 1000).toFixed(6),
        include_all_metadata: true,
        limit: 200,
      });
      const found = (history.messages ?? []).find(
        (m) =>
          m.metadata?.event_type === METADATA_EVENT &&
          (m.metadata.event_payload as Record<string, unknown> | undefined)?.notification_id === notificationId,
      );
      if (!found?.ts) return 'not_delivered';
      if (message.updateKey !== undefined) {
        // Later updates of this alert must edit the message that is there, not post another.
        await this.keyValues.put<PostedMessage>(MESSAGE_NAMESPACE, `${message.updateKey}|${address}`, {
          channel,
          ts: found.ts,
        });
      }
      return 'delivered';
    } catch {
      // Deliberately not thrown: unable to tell means sending again, which the caller does for 'unknown'.
      return 'unknown';
    }
  }

  private async postOrUpdate(
    key: string,
    channel: string,
    rendered: RenderedPrompt,
    notificationId?: string,
  ): Promise<void> {
    const existing = await this.keyValues.get<PostedMessage>(MESSAGE_NAMESPACE, key);
    if (existing) {
      try {
        await this.calls.call('chat.update', {
          channel: existing.channel,
          ts: existing.ts,
          text: rendered.text,
          blocks: rendered.blocks,
        });
        return;
      } catch (error) {
        if (!UPDATE_GONE.has(slackErrorCode(error) ?? '')) throw error;
      }
    }
    const posted = await this.post(channel, rendered, notificationId);
    await this.keyValues.put<PostedMessage>(MESSAGE_NAMESPACE, key, posted);
  }

  private async post(channel: string, rendered: RenderedPrompt, notificationId?: string): Promise<PostedMessage> {
    const result = (await this.calls.call('chat.postMessage', {
      channel,
      text: rendered.text,
      blocks: rendered.blocks,
      // The outbox id travels with the message, so after a crash `reconcile` can tell whether it arrived.
      ...(notificationId
        ? { metadata: { event_type: METADATA_EVENT, event_payload: { notification_id: notificationId } } }
        : {}),
      // Nothing a member wrote may turn into a preview in a channel.
      unfurl_links: false,
      unfurl_media: false,
    })) as webApi.ChatPostMessageResponse;
    return { channel: result.channel ?? channel, ts: result.ts ?? '' };
  }
}
