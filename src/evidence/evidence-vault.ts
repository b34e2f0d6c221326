import { createHash, randomBytes } from 'node:crypto';
import { newKey, openBytes, sealBytes } from '../crypto/aead';
import { VaktpostError } from '../domain/errors';
import type { AttachmentRef } from '../domain/report';
import type { BlobStore } from '../ports/blob-store';
import type { EvidenceKeeper, KeptFile } from '../ports/evidence';

/** The SHA-256 of some bytes, lower-case hex, as cards and the Bilaga 4 export show it. */
export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const aad = (blob: string): string => `evidence:${blob}`;

/**
 * Vaktpost's copies of the members' evidence files. Each file is encrypted (AES-256-GCM) with a fresh key of its
 * own, bound to its blob id; the key is returned to travel only inside the file's reference, which lives in the
 * member's session and then in the case, both encrypted at rest (the case under its own data key). So the blob store
 * holds nothing readable, and anonymising or erasing a case loses the keys of its files even before `remove` deletes
 * the bytes. The copy is checked against the SHA-256 recorded at arrival every time it is opened.
 */
export class EvidenceVault implements EvidenceKeeper {
  constructor(
    private readonly blobs: BlobStore,
    /** EVIDENCE_MAX_MB in bytes: a larger file is refused at arrival with a message to the member. */
    readonly maxBytes: number,
  ) {}

  /** Encrypts and stores the bytes; returns what the file's reference records. */
  async keep(bytes: Buffer): Promise<KeptFile> {
    const blob = randomBytes(18).toString('base64url');
    const key = newKey();
    await this.blobs.put(blob, sealBytes(key, bytes, aad(blob)));
    return { sha256: sha256Of(bytes), size: bytes.length, stored: { blob, key: key.toString('base64url') } };
  }

  /** The file's bytes as they arrived; `evidence.unavailable` when the copy is gone or does not match its SHA-256. */
  async open(file: AttachmentRef): Promise<Buffer> {
    if (!file.stored || !file.sha256) throw unavailable('Vaktpost keeps no copy of this file');
    const sealed = await this.blobs.get(file.stored.blob);
    if (sealed === null) throw unavailable('the copy of this file is gone (erased)');
    const bytes = openBytes(Buffer.from(file.stored.key, 'base64url'), sealed, aad(file.stored.blob), 'evidence file');
    if (sha256Of(bytes) !== file.sha256) throw unavailable('the copy of this file does not match its SHA-256');
    return bytes;
  }

  /** Deletes the copies of these files (erasure, retention); files without a copy are skipped. */
  remove(files: AttachmentRef[]): Promise<number> {
    return removeCopies(this.blobs, files);
  }
}

/** Deletes Vaktpost's copies of these files; files without a copy are skipped. Returns how many were deleted. */
export async function removeCopies(blobs: BlobStore, files: AttachmentRef[]): Promise<number> {
  let removed = 0;
  for (const file of files) {
    if (!file.stored) continue;
    await blobs.delete(file.stored.blob);
    removed += 1;
  }
  return removed;
}

/** The evidence files a dialog session holds among its answers (a report begun and not sent). */
export function filesOfAnswers(answers: Record<string, unknown>): AttachmentRef[] {
  return Object.values(answers).flatMap((answer) =>
    Array.isArray(answer)
      ? answer.filter((a): a is AttachmentRef => typeof a === 'object' && a !== null && 'id' in a && 'name' in a)
      : [],
  );
}

const unavailable = (why: string): VaktpostError => new VaktpostError('evidence.unavailable', why);
