import { channelAddressOf, dmAddressOf } from '../domain/address';
import type { Directory } from '../directory/directory';
import type { Person } from '../directory/schema';
import type { KeyValueStore } from '../ports/key-value-store';

/** Key-value namespace of channels bound to districts at run time (`@Vaktpost bind <district>`). */
export const BINDING_NAMESPACE = 'channel-binding';

/** A channel bound to a district on some platform. */
export interface ChannelBinding {
  districtId: string;
  address: string;
  boundBy: string;
  boundAt: string;
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
  keyValues: KeyValueStore,
  handles: (address: string) => boolean,
): Routing {
  return {
    async alertChannels(districtId) {
      const district = directory.district(districtId);
      const fromFile = Object.entries(district?.alertChannels ?? {}).map(([platform, key]) =>
        channelAddressOf(platform, key),
      );
      const bound = (await keyValues.list<ChannelBinding>(BINDING_NAMESPACE))
        .map((entry) => entry.value)
        .filter((binding) => binding.districtId === districtId)
        .map((binding) => binding.address);
      return [...new Set([...fromFile, ...bound])].filter(handles);
    },
    dmAddresses(person) {
      return directory.userIdsOf(person).map(dmAddressOf).filter(handles);
    },
  };
}
