import { createHash } from 'node:crypto';
import type { Directory } from '../directory/directory';
import { dmAddressOf } from '../domain/address';
import type { Language } from '../domain/report';
import type { Prompt, TextParam } from '../engine/prompt';
import { raw, tx } from '../engine/prompt';
import type { IncomingTurn } from '../engine/turn';
import type { Clock } from '../ports/clock';
import type { DialogEffectCall, DialogService, DialogServiceOutcome } from '../ports/dialog-service';
import type { KeyValueStore } from '../ports/key-value-store';
import type { LeaseStore } from '../ports/lease';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import type { ProfileService } from '../profiles/profile-service';
import { INVENTORY_TAKE, inventoryCard } from './inventory-cards';
import { inventoryRecordSchema, riskInventoryResultSchema, type InventoryRecord } from './inventory-record';

/** Key-value namespace of sent inventories, by id. */
export const INVENTORY_NAMESPACE = 'inventories';
/** Taking one is a lease that never runs out: the lease store's conditional acquire lets exactly one contact win. */
const OWNER_LEASE_MS = 100 * 365 * 24 * 3600 * 1000;

/** What the inventory service needs; main.ts builds it. */
export interface InventoryServiceDeps {
  directory: Directory;
  keyValues: KeyValueStore;
  leases: LeaseStore;
  profiles: ProfileService;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
}

const message = (key: string, params?: Record<string, TextParam>): Prompt => ({
  kind: 'message',
  text: tx(key, params),
});

/**
 * The service the risk inventory names. A sent inventory goes to the district's security contacts in private, as
 * a planning request with its own card (not a threat alert in the channel), and the first contact who takes it
 * owns the follow-up; the member hears who.
 */
export class InventoryService implements DialogService {
  readonly actionPrefixes = ['inventory:'] as const;

  constructor(private readonly deps: InventoryServiceDeps) {}

  async handle(call: DialogEffectCall): Promise<DialogServiceOutcome> {
    if (call.name !== 'submit') throw new Error(`inventory: unknown effect "${call.name}"`);
    const result = riskInventoryResultSchema.parse(call.payload);
    if (!result.send) return { prompts: [] };
    const { session, turn } = call;
    if (result.districtId) await this.deps.profiles.rememberDistrict(session.userId, result.districtId);
    const districtId = await this.districtOf(session.userId, result.districtId);
    const record: InventoryRecord = {
      ...result,
      // Same session, same id: a retried submit finds the inventory already sent.
      id: `ri${createHash('sha256').update(`${session.key}|${session.startedAt}`).digest('hex').slice(0, 20)}`,
      districtId,
      member: {
        userId: session.userId,
        name: session.displayName,
        address: turn.isDirect ? turn.address : session.address,
        language: session.language,
      },
      sentAt: this.deps.clock.now().toISOString(),
      owner: null,
      takenAt: null,
    };
    if (!(await this.read(record.id))) {
      await this.deps.keyValues.put(INVENTORY_NAMESPACE, record.id, record);
      await this.tellContacts(record);
      this.deps.logger.info('risk inventory sent', { inventory: record.id, district: districtId });
    }
    return { prompts: [message('risk.sent', { district: this.districtName(districtId) })] };
  }

  async act(turn: IncomingTurn, _language: Language): Promise<Prompt[]> {
    const action = turn.action;
    if (action?.id !== INVENTORY_TAKE) return [message('bot.unknown_action')];
    const record = await this.read(action.value);
    if (!record) return [message('risk.take.gone')];
    const userId = turn.user.id;
    const personId = this.deps.directory.personOf(userId)?.id;
    // The district's contacts (the central contact where the district has none) may take it, nobody else.
    const allowed = this.deps.directory.responders(record.districtId).some((p) => p.id === personId);
    if (!allowed) return [message('risk.take.not_contact', { district: this.districtName(record.districtId) })];
    const now = this.deps.clock.now();
    const won = await this.deps.leases.acquire(`inventory-owner:${record.id}`, userId, now, OWNER_LEASE_MS);
    if (!won) {
      const owner = (await this.read(record.id))?.owner;
      return [message('risk.take.already', { name: raw(owner?.name ?? '') })];
    }
    if (record.owner?.userId === userId) return [this.ownerCard(record)];
    const name = this.deps.directory.personOf(userId)?.name ?? turn.user.displayName;
    const taken: InventoryRecord = { ...record, owner: { userId, name }, takenAt: now.toISOString() };
    await this.deps.keyValues.put(INVENTORY_NAMESPACE, record.id, taken);
    await this.tellContacts(taken);
    await this.deps.notifier.send(taken.member.address, {
      language: taken.member.language,
      prompt: message('risk.take.member_told', { name: raw(name) }),
    });
    return [this.ownerCard(taken)];
  }

  private ownerCard(record: InventoryRecord): Prompt {
    return { kind: 'card', card: inventoryCard(record, this.districtName(record.districtId), 'owner') };
  }

  /** Every contact's card (the one to take it, or who took it), updated in place where the platform allows. */
  private async tellContacts(record: InventoryRecord): Promise<void> {
    const district = this.districtName(record.districtId);
    for (const person of this.deps.directory.responders(record.districtId)) {
      for (const userId of this.deps.directory.userIdsOf(person)) {
        const address = dmAddressOf(userId);
        if (!this.deps.notifier.handles(address)) continue;
        const language = (await this.deps.profiles.get(userId))?.language ?? 'sv';
        await this.deps.notifier.send(address, {
          language,
          prompt: { kind: 'card', card: inventoryCard(record, district, 'offer') },
          updateKey: `inventory:${record.id}`,
        });
      }
    }
  }

  private async districtOf(userId: string, chosen: string | undefined): Promise<string> {
    const known = this.deps.directory.districtOfUser(userId);
    if (known) return known.id;
    if (chosen && this.deps.directory.district(chosen)) return chosen;
    const profile = await this.deps.profiles.get(userId);
    if (profile?.districtId && this.deps.directory.district(profile.districtId)) return profile.districtId;
    return this.deps.directory.districts()[0]?.id ?? 'unknown';
  }

  private districtName(districtId: string): string {
    return this.deps.directory.district(districtId)?.name ?? districtId;
  }

  private async read(id: string): Promise<InventoryRecord | null> {
    const stored = await this.deps.keyValues.get<unknown>(INVENTORY_NAMESPACE, id);
    if (stored === null) return null;
    const parsed = inventoryRecordSchema.safeParse(stored);
    if (!parsed.success) {
      this.deps.logger.warn('risk inventory record unreadable', { inventory: id });
      return null;
    }
    return parsed.data;
  }
}
