import { createHash } from 'node:crypto';
import type { Activity, Attachment } from 'botbuilder';
import type { AttachmentRef } from '../../src/domain/report';
import type { IncomingTurn } from '../../src/engine/turn';
import { actionFromData } from './action-data';
import { accountIdOf, conversationAddress, dmAddress, isPersonal } from './conversation-refs';

/** The id a turn carries to the core: conversation plus activity id, which Teams keeps on every redelivery. */
export function eventIdOf(activity: Activity): string {
  return `teams:${activity.conversation.id}|${activity.id ?? ''}`;
}

/**
 * Mentions arrive as `<at>Name</at>` in the text. The bot's own mention is removed (it only addresses the bot, as in
 * `@Vaktpost bind norrby`); a mention of someone else keeps the name, because it may be part of what happened.
 */
export function stripMentions(activity: Pick<Activity, 'text' | 'entities' | 'recipient'>): string {
  let text = activity.text ?? '';
  const own = new Set<string>();
  if (activity.recipient?.name) own.add(`<at>${activity.recipient.name}</at>`);
  for (const entity of activity.entities ?? []) {
    const mention = entity as { type?: string; mentioned?: { id?: string }; text?: string };
    if (mention.type === 'mention' && mention.mentioned?.id === activity.recipient?.id && mention.text) {
      own.add(mention.text);
    }
  }
  for (const mention of own) text = text.split(mention).join('');
  // Only the ends are trimmed: line breaks inside a typed answer are part of what the member wrote.
  return text.replace(/<at>(.*?)<\/at>/gi, '$1').trim();
}

/** Teams sends uploaded files with this content type; `content` holds the file type and a short-lived download url. */
const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

const MIME_BY_FILE_TYPE: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  heic: 'image/heic',
  txt: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
};

/**
 * Files and pictures the member shared, as evidence references. The message's own HTML rendering and cards are
 * skipped. The id hashes the content url, so the same file sent twice keeps one id.
 */
export function attachmentRefs(attachments: Attachment[] | undefined): AttachmentRef[] {
  const refs: AttachmentRef[] = [];
  for (const attachment of attachments ?? []) {
    const { contentType, contentUrl } = attachment;
    const isFile = contentType === FILE_DOWNLOAD_INFO;
    if (!contentUrl || !(isFile || contentType.startsWith('image/'))) continue;
    const fileType = (attachment.content as { fileType?: unknown } | undefined)?.fileType;
    const mimeType = isFile
      ? typeof fileType === 'string'
        ? MIME_BY_FILE_TYPE[fileType.toLowerCase()]
        : undefined
      : contentType;
    // A file's content url is its SharePoint page; `downloadUrl` is the short-lived, pre-authenticated download.
    const downloadUrl = (attachment.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
    const download = isFile ? (typeof downloadUrl === 'string' ? downloadUrl : undefined) : contentUrl;
    refs.push({
      id: `teams:${createHash('sha256').update(contentUrl).digest('hex').slice(0, 32)}`,
      name: (attachment.name ?? `image-${refs.length + 1}.${contentType.split('/')[1] ?? 'png'}`).slice(0, 500),
      url: contentUrl.slice(0, 2000),
      ...(mimeType ? { mimeType } : {}),
      ...(download ? { download: download.slice(0, 4000) } : {}),
    });
  }
  return refs;
}

/** Who did it and where replies go; shared by messages and card presses. */
function turnBase(activity: Activity): Omit<IncomingTurn, 'text' | 'action' | 'attachments'> {
  const accountId = accountIdOf(activity);
  const direct = isPersonal(activity);
  return {
    eventId: eventIdOf(activity),
    platform: 'teams',
    address: dmAddress(accountId),
    isDirect: direct,
    ...(direct ? {} : { channelAddress: conversationAddress(activity.conversation.id) }),
    user: {
      id: `teams:${accountId}`,
      displayName: activity.from.name ?? '',
      ...(activity.locale ? { locale: activity.locale } : {}),
    },
  };
}

/**
 * A typed message (with files) as a turn. A message that carries a card's `value` and no text is an Action.Submit
 * from a client without Universal Actions: it becomes the same action an Action.Execute would give.
 */
export function turnFromMessage(activity: Activity): IncomingTurn | null {
  const base = turnBase(activity);
  const text = stripMentions(activity);
  if (text === '' && activity.value !== undefined) {
    const action = actionFromData(undefined, activity.value);
    return action ? { ...base, action } : null;
  }
  const attachments = attachmentRefs(activity.attachments);
  if (text === '' && attachments.length === 0) return null;
  return { ...base, ...(text !== '' ? { text } : {}), ...(attachments.length > 0 ? { attachments } : {}) };
}

/** An `adaptiveCard/action` invoke (Action.Execute) as a turn; null when the card data is not ours. */
export function turnFromInvoke(activity: Activity): IncomingTurn | null {
  const value = activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined;
  const verb = typeof value?.action?.verb === 'string' ? value.action.verb : undefined;
  const action = actionFromData(verb, value?.action?.data);
  return action ? { ...turnBase(activity), action } : null;
}
