import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { VaktpostError } from '../domain/errors';

/** What a link opens: the incident report as a page or a PDF, or a statistics export. */
export const exportKindSchema = z.enum(['incident.html', 'incident.pdf', 'stats.csv', 'stats.html', 'evidence.file']);
export type ExportKind = z.infer<typeof exportKindSchema>;

const payloadSchema = z.object({
  /** What to open. */
  k: exportKindSchema,
  /** The user the link was made for; access is checked again for them when it is opened. */
  u: z.string().min(1).max(300),
  /** The case id (incident) or the statistics scope and period (stats). */
  s: z.string().max(300),
  /** Expiry, ms since the epoch. */
  e: z.number().int(),
});
export type ExportLinkPayload = z.infer<typeof payloadSchema>;

/** Settings of the short-lived links (EXPORT_LINK_SECRET, EXPORT_LINK_MINUTES, PUBLIC_URL). */
export interface ExportLinkSettings {
  /** HMAC key; a random one per process when not configured (links then die with a restart). */
  secret?: string;
  /** How long a link works, in ms. */
  ttlMs: number;
  /** The server's base URL as the user's browser reaches it, e.g. https://vaktpost.example.org (read late). */
  baseUrl: () => string;
}

/**
 * Short-lived signed links to exports on the one server. The link carries what it opens, for whom and until when,
 * signed with HMAC-SHA256; nothing is stored. Whoever holds the link within its lifetime can open it, so it is sent
 * only to the person's direct messages and lives minutes; on opening, the access rules are checked again for the user
 * it was made for, so a link made before a hand-over or before consent was withdrawn opens nothing.
 */
export class ExportLinks {
  private readonly key: Buffer;

  constructor(private readonly settings: ExportLinkSettings) {
    this.key = settings.secret ? Buffer.from(settings.secret, 'utf8') : randomBytes(32);
  }

  /** How long a link works, in whole minutes (for the message that hands it out). */
  get minutes(): number {
    return Math.round(this.settings.ttlMs / 60_000);
  }

  /** A signed token for the payload, valid from `now` for the configured time (or `ttlMs`, for evidence files). */
  token(kind: ExportKind, userId: string, subject: string, now: Date, ttlMs = this.settings.ttlMs): string {
    const payload: ExportLinkPayload = { k: kind, u: userId, s: subject, e: now.getTime() + ttlMs };
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The full URL of a token. */
  url(token: string): string {
    return `${this.settings.baseUrl().replace(/\/+$/, '')}/exports/${token}`;
  }

  /** The payload of a valid, unexpired token; `export.link_invalid` for anything else. */
  verify(token: string, now: Date): ExportLinkPayload {
    const [body, signature, ...rest] = token.split('.');
    if (!body || !signature || rest.length > 0) throw invalid();
    const expected = Buffer.from(this.sign(body), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    const payload = payloadSchema.safeParse(decoded);
    if (!payload.success || payload.data.e <= now.getTime()) throw invalid();
    return payload.data;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

const invalid = (): VaktpostError => new VaktpostError('export.link_invalid', 'export link invalid or expired');
