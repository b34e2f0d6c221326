import { channelAddressOf, dmAddressOf, userIdOf } from '../../src/domain/address';
import type { Directory } from '../../src/directory/directory';
import type { Person } from '../../src/directory/schema';

/** One identity the page can act as (all invented, from the directory's `web` accounts). */
export interface DemoIdentity {
  /** The web account, e.g. `member`, `contact-kim`. */
  account: string;
  name: string;
  /** Their private conversation with the bot. */
  address: string;
  role: 'member' | 'contact' | 'central' | 'municipality';
}

/** Who appears on the demo page: one member, the district whose channel is shown, and those who may act there. */
export interface DemoCast {
  member: DemoIdentity;
  district: { id: string; name: string; address: string };
  /** The contacts of the district, then the central contact and the municipality's officers. */
  actors: DemoIdentity[];
}

function identity(person: Person, role: DemoIdentity['role']): DemoIdentity[] {
  const account = person.accounts.web;
  return account ? [{ account, name: person.name, address: dmAddressOf(userIdOf('web', account)), role }] : [];
}

/**
 * Picks the cast from the directory: the first person with a web account who is a member of a district (the example
 * directory's `member`), and that district's contacts. Returns null when the directory has no such member.
 */
export function demoCast(directory: Directory): DemoCast | null {
  for (const district of directory.districts()) {
    const member = district.members
      .map((id) => directory.person(id))
      .flatMap((p) => (p ? identity(p, 'member') : []))[0];
    if (!member) continue;
    const people = (ids: string[]): Person[] => ids.map((id) => directory.person(id)).filter((p): p is Person => !!p);
    const central = directory.central();
    const officers = district.municipality
      ? (directory.municipality(district.municipality)?.securityOfficers ?? [])
      : [];
    const contacts = people(district.contacts).filter((p) => p.id !== central.id);
    const actors = [
      ...contacts.flatMap((p) => identity(p, 'contact')),
      ...identity(central, 'central'),
      ...people(officers).flatMap((p) => identity(p, 'municipality')),
    ];
    return {
      member,
      district: { id: district.id, name: district.name, address: channelAddressOf('web', district.id) },
      actors,
    };
  }
  return null;
}

/** True when the address is one the page may read: a person's conversation or a district's channel. */
export function isKnownAddress(directory: Directory, address: string): boolean {
  const channel = /^web:channel:(.+)$/.exec(address);
  if (channel) return directory.district(channel[1] as string) !== undefined;
  const dm = /^web:dm:(.+)$/.exec(address);
  return !!dm && directory.personOf(userIdOf('web', dm[1] as string)) !== undefined;
}
