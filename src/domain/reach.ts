import { z } from 'zod';

/** The ways a member can ask to be reached (issue 12): a phone, an e-mail address, or only in the chat. */
export const REACH_VIA = ['phone', 'email', 'chat'] as const;
export type ReachVia = (typeof REACH_VIA)[number];

/**
 * How the member wants the owner of their case to reach them. Loose on reading (lengths only), so a rule for what
 * counts as a phone number can change without making stored cases unreadable; the strict checks are where it is typed.
 */
export const reachSchema = z.discriminatedUnion('via', [
  z.object({ via: z.literal('phone'), value: z.string().min(1).max(40) }),
  z.object({ via: z.literal('email'), value: z.string().min(1).max(254) }),
  z.object({ via: z.literal('chat') }),
]);
export type Reach = z.infer<typeof reachSchema>;

/**
 * A phone number as people write it (`070-123 45 67`, `+46 70 123 45 67`, `(08) 12 34 56`): digits with spaces,
 * dashes, dots and brackets, an optional leading `+`, seven to fifteen digits (E.164 allows fifteen). Kept as
 * written, trimmed; null when it is not one.
 */
export function phoneNumber(typed: string): string | null {
  const text = typed.trim();
  if (!/^\+?[\d\s().-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 ? text : null;
}

/** An e-mail address: something, one @, a domain with a dot, no spaces; at most 254 characters. Null when not one. */
export function emailAddress(typed: string): string | null {
  const text = typed.trim();
  return text.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text) ? text : null;
}

/** The reach a member typed for `via`, or null when the value is not a phone number / e-mail address. */
export function reachOf(via: ReachVia, typed: string): Reach | null {
  if (via === 'chat') return { via };
  const value = via === 'phone' ? phoneNumber(typed) : emailAddress(typed);
  return value === null ? null : { via, value };
}
