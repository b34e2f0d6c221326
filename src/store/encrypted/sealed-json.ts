import type { z } from 'zod';
import { open, seal } from '../../crypto/aead';
import { VaktpostError } from '../../domain/errors';
import type { OutgoingMessage } from '../../engine/prompt';

/** Encrypts a JSON value; `aad` names its owner and field (e.g. `case:<id>/report`). */
export const sealJson = (key: Buffer, value: unknown, aad: string): string => sealText(key, toJson(value), aad);

/** The JSON text {@link sealJson} seals for `value` (for a caller that keeps the text it sealed). */
export const toJson = (value: unknown): string => JSON.stringify(value ?? null);

/** Encrypts JSON text made by {@link toJson}; {@link openJson} opens it like any {@link sealJson} value. */
export const sealText = (key: Buffer, json: string, aad: string): string => seal(key, json, aad);

/** Decrypts what {@link sealJson} produced. The stores' schemas validate the whole entity after this. */
export const openJson = (key: Buffer, sealed: string, aad: string): unknown => JSON.parse(openText(key, sealed, aad));

/** The JSON text inside what {@link sealJson} produced, not yet parsed. */
export const openText = (key: Buffer, sealed: string, aad: string): string =>
  open(key, sealed, aad, aad).toString('utf8');

/**
 * What stands in for an encrypted outgoing message in a stored document: the language (harmless, and the schema
 * wants it) and an empty prompt, with the real message sealed beside it.
 */
export interface SealedMessage {
  language: OutgoingMessage['language'];
  prompt: Record<string, never>;
  sealed: string;
  /** True when sealed with the case's own key, otherwise with the shared key. */
  caseKey?: boolean;
}

/**
 * Seals a message, already made JSON text by {@link toJson} (the caller keeps a copy parsed from it), into its
 * stand-in.
 */
export function sealMessageText(
  key: Buffer,
  language: OutgoingMessage['language'],
  json: string,
  aad: string,
  caseKey: boolean,
): OutgoingMessage {
  const standIn: SealedMessage = {
    language,
    prompt: {},
    sealed: sealText(key, json, aad),
    ...(caseKey ? { caseKey } : {}),
  };
  return standIn as unknown as OutgoingMessage;
}

/** True when a stored message is a sealed stand-in (older documents written before encryption are not). */
export const isSealedMessage = (message: unknown): message is SealedMessage =>
  typeof message === 'object' && message !== null && typeof (message as SealedMessage).sealed === 'string';

/** The message a stand-in holds; a message written before encryption is returned as it is. */
export function openMessage(key: Buffer, message: OutgoingMessage, aad: string): OutgoingMessage {
  return isSealedMessage(message) ? (openJson(key, message.sealed, aad) as OutgoingMessage) : message;
}

/**
 * Validates an entity after its sealed fields were opened, like the stores validate what they read: a clear error
 * naming collection, id and paths (never values), instead of a half-typed object travelling on.
 */
export function validateOpened<S extends z.ZodType>(
  schema: S,
  collection: string,
  id: string,
  value: unknown,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as z.infer<S>;
  const problems = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(document)'} (${issue.code})`)
    .join(', ');
  throw new VaktpostError(
    'store.unavailable',
    `Decrypted ${collection} document ${id} does not match the expected shape: ${problems}.`,
    { collection, id },
  );
}
