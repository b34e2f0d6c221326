/** Every error the core raises on purpose has one of these codes; adapters turn them into polite messages. */
export type ErrorCode =
  | 'case.not_found'
  | 'case.already_taken'
  | 'case.not_allowed'
  | 'case.not_owner'
  | 'case.closed'
  | 'case.not_closed'
  | 'case.no_consent'
  | 'case.no_municipality'
  | 'case.handover_not_pending'
  | 'case.handover_invalid'
  | 'case.conflict'
  | 'checklist.unknown_item'
  | 'config.invalid'
  | 'crypto.key_missing'
  | 'crypto.key_invalid'
  | 'directory.invalid'
  | 'input.invalid'
  | 'store.duplicate'
  | 'store.unavailable'
  | 'store.locked'
  | 'session.not_found'
  | 'police.number_invalid'
  | 'export.link_invalid'
  | 'export.not_allowed'
  /** Vaktpost's copy of an evidence file is gone (erased) or no longer matches its recorded SHA-256. */
  | 'evidence.unavailable';

/** The one base error of Vaktpost. `details` never holds report text, so an error can always be logged. */
export class VaktpostError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, string | number | boolean | null> = {},
  ) {
    super(message);
    this.name = 'VaktpostError';
  }
}

/** True when `error` is a VaktpostError, optionally with the given code. */
export function isVaktpostError(error: unknown, code?: ErrorCode): error is VaktpostError {
  return error instanceof VaktpostError && (code === undefined || error.code === code);
}
