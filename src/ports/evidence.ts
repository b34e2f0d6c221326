import type { AttachmentRef } from '../domain/report';

/** What keeping a file records on its reference. */
export type KeptFile = Required<Pick<AttachmentRef, 'sha256' | 'size' | 'stored'>>;

/** Vaktpost's encrypted copies of evidence files, as adapters use them (src/evidence/evidence-vault.ts). */
export interface EvidenceKeeper {
  /** The largest file kept, in bytes (EVIDENCE_MAX_MB). */
  readonly maxBytes: number;
  /** Encrypts and stores the bytes; returns the SHA-256, the size and where the copy is. */
  keep(bytes: Buffer): Promise<KeptFile>;
  /** The bytes as they arrived, checked against the SHA-256; `evidence.unavailable` when gone or changed. */
  open(file: AttachmentRef): Promise<Buffer>;
}
