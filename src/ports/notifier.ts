import type { OutgoingMessage } from '../engine/prompt';

/** Why a send failed, so the dispatcher knows whether to retry, reroute or give up. */
export type DeliveryFailure =
  | { kind: 'retry'; retryAfterMs?: number; reason: string }
  | { kind: 'blocked'; reason: string }
  | { kind: 'invalid_address'; reason: string };

/** Thrown by `Notifier.send` when a platform refuses or fails. */
export class DeliveryError extends Error {
  constructor(readonly failure: DeliveryFailure) {
    super(`delivery failed (${failure.kind}): ${failure.reason}`);
    this.name = 'DeliveryError';
  }
}

/**
 * Sends a neutral message to an opaque address (`slack:…`, `teams:…`, `web:…`, `console:…`). Services and the
 * scheduler only ever talk to this; they never import a platform SDK.
 */
export interface Notifier {
  /** True when this notifier can deliver to the address (the platform prefix is configured). */
  handles(address: string): boolean;
  /** Delivers the message; throws DeliveryError on failure. */
  send(address: string, message: OutgoingMessage): Promise<void>;
}
