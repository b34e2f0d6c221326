import { userIdOf } from '../domain/address';
import { foldForMatch } from '../engine/sanitize';
import type { Language } from '../domain/report';
import type { DirectoryData, District, Municipality, Person } from './schema';

/**
 * Questions about who is who, answered from the validated directory file. One object for the whole run: an edited
 * file (already validated) takes effect through `replace`, so everything holding the directory sees the new one.
 */
export class Directory {
  private byUserId = new Map<string, Person>();
  private current: DirectoryData;

  constructor(data: DirectoryData) {
    this.current = data;
    this.byUserId = this.index(data);
  }

  /** The directory now in force. */
  get data(): DirectoryData {
    return this.current;
  }

  /** Puts a validated directory in force at once (both the data and the index of user ids change together). */
  replace(next: DirectoryData): void {
    const index = this.index(next);
    this.current = next;
    this.byUserId = index;
  }

  private index(data: DirectoryData): Map<string, Person> {
    const byUserId = new Map<string, Person>();
    for (const person of data.people) {
      for (const userId of this.userIdsOf(person)) byUserId.set(userId, person);
    }
    return byUserId;
  }

  /** The person behind a platform user id, or undefined. */
  personOf(userId: string): Person | undefined {
    return this.byUserId.get(userId);
  }

  person(personId: string): Person | undefined {
    return this.data.people.find((p) => p.id === personId);
  }

  district(districtId: string): District | undefined {
    return this.data.districts.find((d) => d.id === districtId);
  }

  /**
   * The district a person named when typing: its id exactly as written (`norra-skane`, `d1_2`; ids are lower case,
   * so `Norra-Skane` finds it too), else its name (`Norra Skåne`), ignoring case and accents.
   */
  findDistrict(typed: string): District | undefined {
    const wanted = typed.trim();
    if (wanted === '') return undefined;
    const byId = this.district(wanted) ?? this.district(wanted.toLowerCase());
    if (byId) return byId;
    return this.data.districts.find((d) => foldForMatch(d.name) === foldForMatch(wanted));
  }

  districts(): District[] {
    return this.data.districts;
  }

  municipality(municipalityId: string): Municipality | undefined {
    return this.data.municipalities.find((m) => m.id === municipalityId);
  }

  /** The district the directory places this user in (as member or contact), or undefined. */
  districtOfUser(userId: string): District | undefined {
    const person = this.personOf(userId);
    if (!person) return undefined;
    return (
      this.data.districts.find((d) => d.members.includes(person.id)) ??
      this.data.districts.find((d) => d.contacts.includes(person.id))
    );
  }

  /** The language the district's channels are written to in: `language` in the directory, Swedish by default. */
  channelLanguage(districtId: string): Language {
    return this.district(districtId)?.language ?? 'sv';
  }

  /** True when the district has security contacts of its own; otherwise its cases go to the central contact. */
  hasOwnContacts(districtId: string): boolean {
    return (this.district(districtId)?.contacts ?? []).some((id) => this.person(id) !== undefined);
  }

  /** The security contacts of a district; the central contact where the district has none (DOMAIN rule 6). */
  responders(districtId: string): Person[] {
    const district = this.district(districtId);
    const contacts = (district?.contacts ?? []).map((id) => this.person(id)).filter((p): p is Person => !!p);
    return contacts.length > 0 ? contacts : [this.central()];
  }

  central(): Person {
    const central = this.person(this.data.centralContact);
    if (!central) throw new Error('directory: central contact missing (validated at load, so this is a bug)');
    return central;
  }

  /** True when the user is a security contact of the district. */
  isContactOf(userId: string, districtId: string): boolean {
    const person = this.personOf(userId);
    return !!person && !!this.district(districtId)?.contacts.includes(person.id);
  }

  /** True when the user is the central security contact. */
  isCentral(userId: string): boolean {
    return this.personOf(userId)?.id === this.data.centralContact;
  }

  /** True when the user is a contact of any district or the central contact. */
  isAnyContact(userId: string): boolean {
    const person = this.personOf(userId);
    if (!person) return false;
    return person.id === this.data.centralContact || this.data.districts.some((d) => d.contacts.includes(person.id));
  }

  /** Districts in which the user is a contact (all of them for the central contact). */
  districtsOfContact(userId: string): District[] {
    if (this.isCentral(userId)) return this.data.districts;
    const person = this.personOf(userId);
    return person ? this.data.districts.filter((d) => d.contacts.includes(person.id)) : [];
  }

  /** True when the user is a security officer of the municipality. */
  isOfficerOf(userId: string, municipalityId: string): boolean {
    const person = this.personOf(userId);
    return !!person && !!this.municipality(municipalityId)?.securityOfficers.includes(person.id);
  }

  /** The platform user ids of a person, on every platform they have an account on. */
  userIdsOf(person: Person): string[] {
    return Object.entries(person.accounts).map(([platform, account]) => userIdOf(platform, account));
  }
}
