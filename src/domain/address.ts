import type { Platform } from '../engine/turn';

/**
 * Addresses and user ids are opaque strings to everything but the adapter of their platform. The core only builds
 * them by these conventions:
 * - user id: `<platform>:<account id>` (e.g. `slack:U123`, `teams:<aad object id>`, `web:member`)
 * - direct message to a user: `<platform>:dm:<account id>` (the adapter opens or looks up the conversation)
 * - a channel: `<platform>:channel:<channel key>` (Slack channel id; web/console district id)
 * - a stored conversation: `<platform>:conv:<conversation id>` (Teams channels bound with `bind`)
 */
export function userIdOf(platform: Platform, accountId: string): string {
  return `${platform}:${accountId}`;
}

/** The platform of an address or user id. */
export function platformOf(addressOrUserId: string): string {
  return addressOrUserId.split(':', 1)[0] ?? '';
}

/** The direct-message address of a user id. */
export function dmAddressOf(userId: string): string {
  const colon = userId.indexOf(':');
  return `${userId.slice(0, colon)}:dm:${userId.slice(colon + 1)}`;
}

/** The account part of a user id (`slack:U123` → `U123`). */
export function accountOf(userId: string): string {
  return userId.slice(userId.indexOf(':') + 1);
}

/** The address of a platform channel. */
export function channelAddressOf(platform: Platform, channelKey: string): string {
  return `${platform}:channel:${channelKey}`;
}
