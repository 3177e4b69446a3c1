import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { naturalCompare } from '@zhili/shared';
import type { AuditAction, HouseUse, HouseVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import type { Principal } from '../../../core/auth/principal';
import { likeEscape } from '../../../core/scope/data-scope';
import { Page, ScopedRepository } from '../../../core/scope/scoped-repository';
import { Acting, AuditActorService } from '../../../core/audit';
import { Building, BuildingUnit, Estate, House, PersonHouse } from '../entities';
import { countBy, exists } from './counts';
import { composeAddress, HousePlaceInput, PlaceRepos, resolveHousePlace } from './house-placement';
import { fieldError, PlacementService } from './placement';

export interface HouseQuery {
  page: number;
  pageSize: number;
  regionId?: string;
  estateId?: string;
  buildingId?: string;
  unitId?: string;
  use?: HouseUse | '';
  q?: string;
  sort: 'address' | 'createdAt';
  order: 'asc' | 'desc';
}

export interface HouseInput extends HousePlaceInput {
  roomNo?: string | null;
  address?: string | null;
  use: HouseUse;
  areaM2?: number | null;
}

export interface HouseChange {
  regionId?: string;
  roomNo?: string | null;
  address?: string | null;
  use?: HouseUse;
  areaM2?: number | null;
}

const SORT_COLUMNS = { address: 'h.address', createdAt: 'h.created_at' } as const;

/** 房屋: flats of estates and rural houses, with filters, sort and the scope of the caller. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class HouseService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private placement!: PlacementService;

  @Inject()
  private audit!: AuditActorService;

  get scoped(): ScopedRepository<House> {
    return new ScopedRepository(this.dataSource, House, 'scopePath', 'h');
  }

  private get repos(): PlaceRepos {
    return {
      estates: new ScopedRepository(this.dataSource, Estate, 'scopePath', 'e'),
      buildings: new ScopedRepository(this.dataSource, Building, 'scopePath', 'b'),
      units: new ScopedRepository(this.dataSource, BuildingUnit, 'scopePath', 'u'),
      estateName: (id) =>
        this.dataSource.getRepository(Estate).findOne({ where: { id }, select: { id: true, name: true } }),
    };
  }

  async list(actor: Principal, query: HouseQuery): Promise<Page<HouseVO>> {
    const regionPath = await this.placement.filterPath(actor, query.regionId);
    const filtered = (qb: SelectQueryBuilder<House>): SelectQueryBuilder<House> => {
      if (query.estateId) qb.andWhere('h.estate_id = :estateId', { estateId: query.estateId });
      if (query.buildingId) qb.andWhere('h.building_id = :buildingId', { buildingId: query.buildingId });
      if (query.unitId) qb.andWhere('h.unit_id = :unitId', { unitId: query.unitId });
      if (query.use) qb.andWhere('h.house_use = :use', { use: query.use });
      if (query.q) qb.andWhere("h.address LIKE :q ESCAPE '!'", { q: `%${likeEscape(query.q)}%` });
      return qb;
    };
    if (query.sort === 'address') return this.listByAddress(query, filtered(this.scoped.query(actor, regionPath)));
    const page = await this.scoped.list(
      actor,
      query,
      (qb) =>
        filtered(qb)
          .orderBy(SORT_COLUMNS[query.sort], query.order === 'desc' ? 'DESC' : 'ASC')
          .addOrderBy('h.id', 'ASC'),
      regionPath,
    );
    return { items: await this.views(page.items), total: page.total };
  }

  /**
   * The page in natural address order (1号, 2号, …, 10号; 3号楼 before 12号楼), which no ORDER BY
   * gives: the filtered (id, address) pairs are sorted with the shared comparator, then the page's
   * rows are read by id. Two short columns per house keep this cheap at town scale.
   */
  private async listByAddress(query: HouseQuery, qb: SelectQueryBuilder<House>): Promise<Page<HouseVO>> {
    const keys = await qb.select(['h.id', 'h.address']).getMany();

    const direction = query.order === 'desc' ? -1 : 1;
    keys.sort((a, b) => direction * naturalCompare(a.address ?? '', b.address ?? '') || a.id.localeCompare(b.id));
    const ids = keys.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map((h) => h.id);
    const rows = ids.length ? await this.dataSource.getRepository(House).findBy({ id: In(ids) }) : [];
    const byId = new Map(rows.map((h) => [h.id, h]));
    const items = ids.map((id) => byId.get(id)).filter((h): h is House => h !== undefined);
    return { items: await this.views(items), total: keys.length };
  }

  async getRecord(actor: Principal, id: string): Promise<House> {
    return this.scoped.get(actor, id);
  }

  async create(acting: Acting, input: HouseInput): Promise<House> {
    const place = await resolveHousePlace(acting.actor, input, this.repos, this.placement);
    const roomNo = input.roomNo || null;
    const address = input.address || composeAddress(place, roomNo);
    if (!address) throw fieldError('address', '请填写房屋地址');
    const house = this.dataSource.getRepository(House).create({
      id: randomUUID(),
      regionId: place.regionId,
      scopePath: place.scopePath,
      estateId: place.estate?.id ?? null,
      buildingId: place.building?.id ?? null,
      unitId: place.unit?.id ?? null,
      address,
      roomNo,
      use: input.use,
      areaM2: input.areaM2 ?? null,
      lng: null,
      lat: null,
    });
    await this.dataSource.getRepository(House).insert(house);
    await this.record(acting, 'house.create', house.id, { address, regionId: place.regionId, use: house.use });
    return house;
  }

  /**
   * Edits a house. A new room number re-composes a flat's address unless one is given. Only a rural
   * house (not part of an estate) can move to another region; its resident relations move with it.
   */
  async update(acting: Acting, id: string, change: HouseChange): Promise<House> {
    const house = await this.scoped.get(acting.actor, id);
    let newPath: string | null = null;
    if (change.regionId !== undefined && change.regionId !== house.regionId) {
      if (house.estateId) throw fieldError('regionId', '小区内的房屋随楼栋所在区域，不能单独调整');
      const region = await this.placement.place(acting.actor, change.regionId);
      house.regionId = region.id;
      house.scopePath = newPath = region.path;
    }
    if (change.roomNo !== undefined) house.roomNo = change.roomNo || null;
    if (change.use !== undefined) house.use = change.use;
    if (change.areaM2 !== undefined) house.areaM2 = change.areaM2;
    if (change.address) house.address = change.address;
    else if (change.roomNo !== undefined && house.estateId)
      house.address = (await this.composedAddress(house)) ?? house.address;
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(House).save(house);
      if (newPath) await m.getRepository(PersonHouse).update({ houseId: house.id }, { scopePath: newPath });
    });
    await this.record(acting, 'house.update', house.id, { fields: Object.keys(change) });
    return house;
  }

  /** Refused while persons live there (人房关系) or a household is registered at the house. */
  async delete(acting: Acting, id: string): Promise<void> {
    const house = await this.scoped.get(acting.actor, id);
    if (await exists(this.dataSource, 'person_house', 'house_id', house.id))
      throw new AppError('RECORD_IN_USE', '该房屋还登记有居住人员，请先解除人房关系');
    if (await exists(this.dataSource, 'household', 'house_id', house.id))
      throw new AppError('RECORD_IN_USE', '该房屋还关联着住户，请先调整住户');
    await this.dataSource.getRepository(House).delete({ id: house.id });
    await this.record(acting, 'house.delete', house.id, { address: house.address });
  }

  async views(houses: House[]): Promise<HouseVO[]> {
    const [names, residents] = await Promise.all([
      this.placement.names(houses.map((h) => h.regionId)),
      countBy(
        this.dataSource,
        'person_house',
        'house_id',
        houses.map((h) => h.id),
      ),
    ]);
    return houses.map((h) => ({
      id: h.id,
      regionId: h.regionId,
      regionName: names.get(h.regionId) ?? '',
      estateId: h.estateId,
      buildingId: h.buildingId,
      unitId: h.unitId,
      address: h.address,
      roomNo: h.roomNo,
      use: h.use,
      areaM2: h.areaM2,
      residentCount: residents.get(h.id) ?? 0,
    }));
  }

  private async composedAddress(house: House): Promise<string | null> {
    const [estate, building, unit] = await Promise.all([
      house.estateId ? this.dataSource.getRepository(Estate).findOneBy({ id: house.estateId }) : null,
      house.buildingId ? this.dataSource.getRepository(Building).findOneBy({ id: house.buildingId }) : null,
      house.unitId ? this.dataSource.getRepository(BuildingUnit).findOneBy({ id: house.unitId }) : null,
    ]);
    return composeAddress({ estate, building, unit }, house.roomNo);
  }

  private async record(
    acting: Acting,
    action: AuditAction,
    id: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(acting, { action, resourceType: 'house', resourceId: id, result: 'success', detail });
  }
}
