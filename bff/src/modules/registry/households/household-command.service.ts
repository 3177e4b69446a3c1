import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, EntityManager, Not } from 'typeorm';
import type {
  AuditAction,
  HeadRelation,
  HouseholdCreateInput,
  HouseholdDetailVO,
  HouseholdUpdateInput,
} from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import type { Principal } from '../../../core/auth/principal';
import { ScopedRepository } from '../../../core/scope/scoped-repository';
import { Acting, AuditActorService } from '../../../core/audit';
import type { Region } from '../../region';
import { RegionService } from '../../region';
import { House, Household, Person, Visit } from '../entities';
import { fieldError } from '../persons/person-identity';
import { clearHead, joinHousehold, leaveHousehold, makeHead } from './household-membership';
import { HouseholdQueryService } from './household-query.service';

const blank = (v: string | null | undefined): string | null => (v?.trim() ? v.trim() : null);

function isUniqueViolation(err: unknown): boolean {
  const driver = (err as { driverError?: { code?: string; errno?: number } }).driverError;
  return driver?.code === 'SQLITE_CONSTRAINT_UNIQUE' || driver?.code === 'ER_DUP_ENTRY' || driver?.errno === 1062;
}

/** Writes of households and their membership; everything in the caller's scope, audited. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HouseholdCommandService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private query!: HouseholdQueryService;

  @Inject()
  private audit!: AuditActorService;

  private persons(): ScopedRepository<Person> {
    return new ScopedRepository(this.dataSource, Person, 'scopePath', 'p');
  }

  async create(acting: Acting, body: HouseholdCreateInput): Promise<HouseholdDetailVO> {
    const region = await this.regionFor(acting.actor, body.regionId);
    const code = blank(body.code);
    if (code) await this.uniqueCode(code, null);
    const houseId = blank(body.houseId);
    if (houseId) await this.houseInScope(acting.actor, houseId);
    const head = blank(body.headPersonId)
      ? await this.persons().get(acting.actor, blank(body.headPersonId) as string)
      : null;
    const household = this.dataSource.getRepository(Household).create({
      id: randomUUID(),
      code,
      type: body.type,
      headPersonId: null,
      houseId,
      address: blank(body.address),
      landNote: blank(body.landNote),
      regionId: region.id,
      scopePath: region.path,
    });
    await this.write(async (m) => {
      await m.insert(Household, household);
      if (head) await joinHousehold(m, household, head, 'self');
    });
    await this.record(acting, 'household.create', household, {
      type: household.type,
      regionId: region.id,
      headPersonId: household.headPersonId,
    });
    return this.query.detailOf(household);
  }

  async update(acting: Acting, id: string, body: HouseholdUpdateInput): Promise<HouseholdDetailVO> {
    const household = await this.query.scoped.get(acting.actor, id);
    const changed: string[] = [];
    if (body.type !== undefined && body.type !== household.type) {
      household.type = body.type;
      changed.push('type');
    }
    if (body.regionId !== undefined && body.regionId !== household.regionId) {
      const region = await this.regionFor(acting.actor, body.regionId);
      household.regionId = region.id;
      household.scopePath = region.path;
      changed.push('regionId');
    }
    if (body.code !== undefined && blank(body.code) !== household.code) {
      const code = blank(body.code);
      if (code) await this.uniqueCode(code, household.id);
      household.code = code;
      changed.push('code');
    }
    if (body.houseId !== undefined && blank(body.houseId) !== household.houseId) {
      const houseId = blank(body.houseId);
      if (houseId) await this.houseInScope(acting.actor, houseId);
      household.houseId = houseId;
      changed.push('houseId');
    }
    for (const key of ['address', 'landNote'] as const) {
      if (body[key] !== undefined && blank(body[key]) !== household[key]) {
        household[key] = blank(body[key]);
        changed.push(key);
      }
    }
    const headId = body.headPersonId === undefined ? undefined : blank(body.headPersonId);
    const head = headId && headId !== household.headPersonId ? await this.persons().get(acting.actor, headId) : null;
    await this.write(async (m) => {
      const { type, regionId, scopePath, code, houseId, address, landNote } = household;
      await m.update(Household, { id: household.id }, { type, regionId, scopePath, code, houseId, address, landNote });
      if (head) await makeHead(m, household, head);
      else if (headId === null && household.headPersonId) await clearHead(m, household);
    });
    if (head || (headId === null && body.headPersonId !== undefined)) changed.push('headPersonId');
    await this.record(acting, 'household.update', household, { fields: changed });
    return this.query.detailOf(household);
  }

  /** Deletes the household; its members stay in the registry, detached (and its visits keep no link). */
  async remove(acting: Acting, id: string): Promise<void> {
    const household = await this.query.scoped.get(acting.actor, id);
    await this.dataSource.transaction(async (m) => {
      await m.update(Person, { householdId: household.id }, { householdId: null, relationToHead: null });
      await m.update(Visit, { householdId: household.id }, { householdId: null });
      await m.delete(Household, { id: household.id });
    });
    await this.record(acting, 'household.delete', household, { type: household.type, regionId: household.regionId });
  }

  async addMember(acting: Acting, id: string, personId: string, relation: HeadRelation): Promise<HouseholdDetailVO> {
    const household = await this.query.scoped.get(acting.actor, id);
    const person = await this.persons().get(acting.actor, personId);
    await this.dataSource.transaction((m) => joinHousehold(m, household, person, relation));
    await this.record(acting, 'household.member.add', household, { personId: person.id, relationToHead: relation });
    return this.query.detailOf(household);
  }

  async removeMember(acting: Acting, id: string, personId: string): Promise<void> {
    const household = await this.query.scoped.get(acting.actor, id);
    const person = await this.persons().get(acting.actor, personId);
    await this.dataSource.transaction((m) => leaveHousehold(m, household, person));
    await this.record(acting, 'household.member.remove', household, { personId: person.id });
  }

  private async regionFor(principal: Principal, regionId: string): Promise<Region> {
    const region = await this.regions.getInScope(principal, regionId);
    if (region.level === 'town') throw fieldError('regionId', '户须登记到村（社区）或网格');
    return region;
  }

  private async houseInScope(principal: Principal, houseId: string): Promise<void> {
    await new ScopedRepository(this.dataSource, House, 'scopePath', 'hs').get(principal, houseId).catch(() => {
      throw fieldError('houseId', '房屋不存在或不在您的管辖范围内');
    });
  }

  private async uniqueCode(code: string, selfId: string | null): Promise<void> {
    const where = selfId ? { code, id: Not(selfId) } : { code };
    if (await this.dataSource.getRepository(Household).existsBy(where)) throw new AppError('CONFLICT', '户编号已存在');
  }

  /** One transaction; a code taken concurrently (unique index) is the same conflict as one taken before. */
  private async write(work: (m: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.dataSource.transaction(work);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('CONFLICT', '户编号已存在');
      throw err;
    }
  }

  private async record(
    acting: Acting,
    action: AuditAction,
    household: Household,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(acting, {
      action,
      resourceType: 'household',
      resourceId: household.id,
      result: 'success',
      detail,
    });
  }
}
