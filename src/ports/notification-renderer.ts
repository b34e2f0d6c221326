import type { CaseMessageRef } from '../domain/notification';
import type { OutgoingMessage } from '../engine/prompt';

/**
 * Turns a case notification's reference into the message to send, from the case as it is at that moment (the wiring
 * supplies it, so delivery knows neither cards nor platforms).
 */
export interface NotificationRenderer {
  /**
   * The message `ref` stands for, or null when there is nothing to send any more: the case was erased or anonymised,
   * or the recipient may no longer see it.
   */
  render(ref: CaseMessageRef): Promise<OutgoingMessage | null>;
}
