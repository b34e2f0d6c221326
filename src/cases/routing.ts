import { channelAddressOf, dmAddressOf } from '../domain/address';
import type { Directory } from '../directory/directory';
import type { Person } from '../directory/schema';
import { channelBindingSchema, type ChannelBindingStore } from '../ports/channel-binding-store';
import type { KeyValueStore } from '../ports/key-value-store';
import type { Logger } from '../ports/logger';

export type { ChannelBinding } from '../ports/channel-binding-store';

/** Key-value namespace where bindings were kept before they had their own store; read once to move them over. */
export const LEGACY_BINDING_NAMESPACE = 'channel-binding';

/**
 * Moves bindings from the key-value namespace of earlier versions into the binding store, so no channel loses its
 * alerts on upgrade; each is deleted there only after it is stored here. A record that does not read as a binding
 * is left where it is and logged.
 */
export async function moveLegacyBindings(
  keyValues: KeyValueStore,
  bindings: ChannelBindingStore,
  logger: Logger,
): Promise<number> {
  let moved = 0;
  for (const { key, value } of await keyValues.list<unknown>(LEGACY_BINDING_NAMESPACE)) {
    const parsed = channelBindingSchema.safeParse(value);
    if (!parsed.success) {
      logger.warn('legacy channel binding unreadable; left in place', { namespace: LEGACY_BINDING_NAMESPACE });
      continue;
    }
    await bindings.bind(parsed.data);
    await keyValues.delete(LEGACY_BINDING_NAMESPACE, key);
    moved += 1;
  }
  return moved;
}

/** Where a case's notifications go, given which platforms are configured. */
export interface Routing {
  /** The district's alert channels on every configured platform (directory file plus run-time bindings). */
  alertChannels(districtId: string): Promise<string[]>;
  /** The direct-message addresses of a person on every configured platform. */
  dmAddresses(person: Person): string[];
}

/** Builds the routing from the directory, the stored bindings and the configured platforms. */
export function createRouting(
  directory: Directory,
  bindings: ChannelBindingStore,
  handles: (address: string) => boolean,
): Routing {
  return {
    async alertChannels(districtId) {
      const district = directory.district(districtId);
      const fromFile = Object.entries(district?.alertChannels ?? {}).map(([platform, key]) =>
        channelAddressOf(platform, key),
      );
      const bound = (await bindings.ofDistrict(districtId)).map((binding) => binding.address);
      return [...new Set([...fromFile, ...bound])].filter(handles);
    },
    dmAddresses(person) {
      return directory.userIdsOf(person).map(dmAddressOf).filter(handles);
    },
  };
}
