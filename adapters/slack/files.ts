import type { webApi } from '@slack/bolt';
import type { AttachmentRef } from '../../src/domain/report';
import type { IncomingTurn } from '../../src/engine/turn';
import { fetchLimited, type DownloadFile } from '../../src/evidence/receive-files';
import type { EvidenceKeeper } from '../../src/ports/evidence';
import type { KeyValueStore } from '../../src/ports/key-value-store';

/** Where the id of each file being uploaded is kept (per outbox notification), so a crash can be reconciled. */
export const UPLOAD_NAMESPACE = 'slack-file-upload';

/**
 * Downloads a member's file from `url_private` with the bot token (`files:read`). The token goes only to Slack's
 * file host (or the configured API's, for a proxy or the test fake): a link to anywhere else is refused.
 */
export function slackDownload(botToken: string, apiUrl: string | undefined): DownloadFile {
  const allowed = new Set(['https://files.slack.com', ...(apiUrl ? [new URL(apiUrl).origin] : [])]);
  return async (file, maxBytes) => {
    const url = new URL(file.download ?? '');
    if (!allowed.has(url.origin)) throw new Error(`not a Slack file host: ${url.origin}`);
    return fetchLimited(url.toString(), { Authorization: `Bearer ${botToken}` }, maxBytes);
  };
}

/**
 * Fills in the download link of files Slack sent without one: an event may carry only `file_access:
 * check_file_info` and the id, for which `files.info` (`files:read`) gives the rest. A file Slack will not describe
 * stays a reference; receiving it then tells the member it could not be fetched.
 */
export async function withDownloadLinks(client: webApi.WebClient, turn: IncomingTurn): Promise<IncomingTurn> {
  const files = turn.attachments ?? [];
  if (!files.some(needsInfo)) return turn;
  const attachments: AttachmentRef[] = [];
  for (const file of files) {
    if (!needsInfo(file)) {
      attachments.push(file);
      continue;
    }
    try {
      const info = (await client.files.info({ file: file.id.slice('slack:'.length) })).file;
      const link = info?.url_private_download ?? info?.url_private;
      attachments.push({
        ...file,
        ...(info?.name ? { name: info.name.slice(0, 500) } : {}),
        ...(info?.mimetype ? { mimeType: info.mimetype.slice(0, 200) } : {}),
        download: link ? link.slice(0, 4000) : 'slack:files.info-gave-no-link',
      });
    } catch {
      // Not ignored: the download below fails on this marker, and the member is asked to send the file again.
      attachments.push({ ...file, download: 'slack:files.info-failed' });
    }
  }
  return { ...turn, attachments };
}

const needsInfo = (file: AttachmentRef): boolean =>
  file.id.startsWith('slack:') && !file.download && !file.stored && !file.refused;

/**
 * Shares Vaktpost's copy of an evidence file in a DM the way `files.uploadV2` does, step by step
 * (`files.getUploadURLExternal`, the upload, `files.completeUploadExternal` with the channel), because the file id
 * must be recorded between the steps: after a crash `reconcileUpload` asks `files.info` whether it was shared.
 */
export async function uploadToChannel(
  client: webApi.WebClient,
  keyValues: KeyValueStore,
  evidence: EvidenceKeeper,
  target: { channel: string; file: AttachmentRef; comment: string; notificationId?: string },
): Promise<void> {
  const bytes = await evidence.open(target.file);
  const ticket = await client.files.getUploadURLExternal({ filename: target.file.name, length: bytes.length });
  if (!ticket.upload_url || !ticket.file_id) throw new Error('files.getUploadURLExternal gave no upload url');
  if (target.notificationId) {
    await keyValues.put(UPLOAD_NAMESPACE, target.notificationId, { fileId: ticket.file_id, channel: target.channel });
  }
  const res = await fetch(ticket.upload_url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  if (res.status !== 200) {
    const error = new Error(`file upload answered HTTP ${res.status}`) as Error & { code?: string };
    error.code = res.status === 429 || res.status >= 500 ? 'slack_webapi_http_error' : 'slack_webapi_platform_error';
    throw error;
  }
  await client.files.completeUploadExternal({
    files: [{ id: ticket.file_id, title: target.file.name }],
    channel_id: target.channel,
    initial_comment: target.comment,
  });
}

/** After a crash: was the file of this notification shared in the channel? Needs `files:read`. */
export async function reconcileUpload(
  client: webApi.WebClient,
  keyValues: KeyValueStore,
  notificationId: string,
): Promise<'delivered' | 'not_delivered'> {
  const record = await keyValues.get<{ fileId: string; channel: string }>(UPLOAD_NAMESPACE, notificationId);
  // No file id recorded: the upload never got as far as Slack's first step, so nothing can have been shared.
  if (!record) return 'not_delivered';
  const info = await client.files.info({ file: record.fileId });
  const file = info.file as { channels?: string[]; ims?: string[]; groups?: string[] } | undefined;
  const shared = [...(file?.channels ?? []), ...(file?.ims ?? []), ...(file?.groups ?? [])];
  return shared.includes(record.channel) ? 'delivered' : 'not_delivered';
}
