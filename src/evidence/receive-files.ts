import type { AttachmentRef, EvidenceRefusal, Language } from '../domain/report';
import { raw, tx } from '../engine/prompt';
import type { IncomingTurn } from '../engine/turn';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import type { EvidenceKeeper } from '../ports/evidence';

/** Fetches one file's bytes from its platform; 'too_large' as soon as more than `maxBytes` arrive. */
export type DownloadFile = (file: AttachmentRef, maxBytes: number) => Promise<Buffer | 'too_large'>;

/** What receiving files at arrival needs; the adapter brings the download, main.ts the rest. */
export interface ReceiveFilesDeps {
  vault: EvidenceKeeper;
  download: DownloadFile;
  /** The turn's outbox, for the message to a member whose file could not be kept. */
  messages: Pick<Notifier, 'send'>;
  logger: Logger;
}

/**
 * Downloads the files a turn carries (each once: a file already kept or refused is left as it is), records their
 * SHA-256, and has the vault keep an encrypted copy. A file too large, or one the platform would not give, stays in
 * the turn by name with the reason, so the owner knows it exists, and the member is told at once what to do.
 */
export async function receiveFiles(turn: IncomingTurn, language: Language, deps: ReceiveFilesDeps) {
  if (!turn.attachments?.some((f) => f.download !== undefined)) return turn;
  const attachments: AttachmentRef[] = [];
  for (const file of turn.attachments) {
    const { download: from, ...rest } = file;
    if (from === undefined) {
      attachments.push(file);
      continue;
    }
    let outcome: Buffer | 'too_large' | 'failed';
    try {
      outcome = await deps.download(file, deps.vault.maxBytes);
    } catch (error) {
      // The file's name is the member's words: only the reason is logged.
      deps.logger.warn('evidence file could not be downloaded', { reason: (error as Error).message.slice(0, 200) });
      outcome = 'failed';
    }
    if (Buffer.isBuffer(outcome)) {
      attachments.push({ ...rest, ...(await deps.vault.keep(outcome)) });
      continue;
    }
    const refused: EvidenceRefusal = outcome === 'too_large' ? 'too_large' : 'download_failed';
    attachments.push({ ...rest, refused });
    await deps.messages.send(turn.address, {
      language,
      prompt: {
        kind: 'message',
        text: tx(`evidence.member.${refused}`, {
          name: raw(file.name),
          limit: Math.floor(deps.vault.maxBytes / (1024 * 1024)),
        }),
      },
    });
  }
  return { ...turn, attachments };
}

/**
 * GETs a file with the given headers, reading at most `maxBytes`: a declared length over the limit is refused before
 * the body is read, and a body that grows past it is cut off. Anything but 200 is an error naming the status.
 */
export async function fetchLimited(
  url: string,
  headers: Record<string, string>,
  maxBytes: number,
): Promise<Buffer | 'too_large'> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 30_000);
  try {
    const res = await fetch(url, { headers, signal: controller.signal, redirect: 'follow' });
    if (res.status !== 200) throw new Error(`download answered HTTP ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      return 'too_large';
    }
    const chunks: Buffer[] = [];
    let total = 0;
    const reader = res.body?.getReader();
    for (let piece = await reader?.read(); reader && piece && !piece.done; piece = await reader.read()) {
      total += piece.value.length;
      if (total > maxBytes) {
        controller.abort();
        return 'too_large';
      }
      chunks.push(Buffer.from(piece.value));
    }
    return Buffer.concat(chunks);
  } finally {
    clearTimeout(timer);
  }
}
