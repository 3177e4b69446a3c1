import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, In } from 'typeorm';
import type { AuditAction, BuildingUnitVO, BuildingVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import type { Principal } from '../../../core/auth/principal';
import { Page, ScopedRepository } from '../../../core/scope/scoped-repository';
import { Acting, AuditActorService } from '../../../core/audit';
import { Building, BuildingUnit, Estate } from '../entities';
import { countBy, exists } from './counts';
import { PlacementService } from './placement';

export interface BuildingQuery {
  page: number;
  pageSize: number;
  estateId?: string;
}

export interface BuildingInput {
  estateId: string;
  name: string;
  floors?: number | null;
  /** A grid inside the estate's region; default = the estate's region. */
  regionId?: string;
}

/** 楼栋 and their 单元. A building lies in its estate's region or a grid inside it; units follow it. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class BuildingService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private placement!: PlacementService;

  @Inject()
  private audit!: AuditActorService;

  get scoped(): ScopedRepository<Building> {
    return new ScopedRepository(this.dataSource, Building, 'scopePath', 'b');
  }

  get scopedUnits(): ScopedRepository<BuildingUnit> {
    return new ScopedRepository(this.dataSource, BuildingUnit, 'scopePath', 'u');
  }

  private get estates(): ScopedRepository<Estate> {
    return new ScopedRepository(this.dataSource, Estate, 'scopePath', 'e');
  }

  async list(actor: Principal, query: BuildingQuery): Promise<Page<BuildingVO>> {
    const page = await this.scoped.list(actor, query, (qb) => {
      if (query.estateId) qb.andWhere('b.estate_id = :estateId', { estateId: query.estateId });
      return qb.orderBy('b.name', 'ASC').addOrderBy('b.id', 'ASC');
    });
    return { items: await this.views(page.items), total: page.total };
  }

  async get(actor: Principal, id: string): Promise<BuildingVO> {
    return (await this.views([await this.scoped.get(actor, id)]))[0];
  }

  async create(acting: Acting, input: BuildingInput): Promise<BuildingVO> {
    const estate = await this.estates.get(acting.actor, input.estateId);
    const place = input.regionId ? await this.placement.placeWithin(acting.actor, input.regionId, estate) : estate;
    const building = this.dataSource.getRepository(Building).create({
      id: randomUUID(),
      estateId: estate.id,
      name: input.name,
      floors: input.floors ?? null,
      regionId: place.regionId,
      scopePath: place.scopePath,
      lng: null,
      lat: null,
    });
    await this.dataSource.getRepository(Building).insert(building);
    await this.record(acting, 'building.create', 'building', building.id, { estateId: estate.id, name: building.name });
    return this.get(acting.actor, building.id);
  }

  async update(acting: Acting, id: string, change: { name?: string; floors?: number | null }): Promise<BuildingVO> {
    const building = await this.scoped.update(acting.actor, id, (b) => {
      if (change.name !== undefined) b.name = change.name;
      if (change.floors !== undefined) b.floors = change.floors;
    });
    await this.record(acting, 'building.update', 'building', building.id, { fields: Object.keys(change) });
    return this.get(acting.actor, building.id);
  }

  /** Refused while houses are registered in the building; its (empty) units go with it. */
  async delete(acting: Acting, id: string): Promise<void> {
    const building = await this.scoped.get(acting.actor, id);
    if (await exists(this.dataSource, 'house', 'building_id', id))
      throw new AppError('RECORD_IN_USE', '该楼栋下还有房屋，请先删除');
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(BuildingUnit).delete({ buildingId: building.id });
      await m.getRepository(Building).delete({ id: building.id });
    });
    await this.record(acting, 'building.delete', 'building', building.id, {
      estateId: building.estateId,
      name: building.name,
    });
  }

  async listUnits(actor: Principal, buildingId: string): Promise<BuildingUnitVO[]> {
    const building = await this.scoped.get(actor, buildingId);
    const units = await this.scopedUnits
      .query(actor)
      .andWhere('u.building_id = :id', { id: building.id })
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getMany();
    return this.unitViews(units);
  }

  async createUnit(acting: Acting, buildingId: string, name: string): Promise<BuildingUnitVO> {
    const building = await this.scoped.get(acting.actor, buildingId);
    const unit = this.dataSource.getRepository(BuildingUnit).create({
      id: randomUUID(),
      buildingId: building.id,
      name,
      regionId: building.regionId,
      scopePath: building.scopePath,
    });
    await this.dataSource.getRepository(BuildingUnit).insert(unit);
    await this.record(acting, 'building_unit.create', 'building_unit', unit.id, { buildingId: building.id, name });
    return (await this.unitViews([unit]))[0];
  }

  async deleteUnit(acting: Acting, unitId: string): Promise<void> {
    const unit = await this.scopedUnits.get(acting.actor, unitId);
    if (await exists(this.dataSource, 'house', 'unit_id', unit.id))
      throw new AppError('RECORD_IN_USE', '该单元下还有房屋，请先删除');
    await this.dataSource.getRepository(BuildingUnit).delete({ id: unit.id });
    await this.record(acting, 'building_unit.delete', 'building_unit', unit.id, {
      buildingId: unit.buildingId,
      name: unit.name,
    });
  }

  private async views(buildings: Building[]): Promise<BuildingVO[]> {
    const ids = buildings.map((b) => b.id);
    const estateIds = [...new Set(buildings.map((b) => b.estateId))];
    const [names, units, houses, estates] = await Promise.all([
      this.placement.names(buildings.map((b) => b.regionId)),
      countBy(this.dataSource, 'building_unit', 'building_id', ids),
      countBy(this.dataSource, 'house', 'building_id', ids),
      estateIds.length
        ? this.dataSource.getRepository(Estate).find({ where: { id: In(estateIds) }, select: { id: true, name: true } })
        : [],
    ]);
    const estateNames = new Map(estates.map((e) => [e.id, e.name]));
    return buildings.map((b) => ({
      id: b.id,
      estateId: b.estateId,
      estateName: estateNames.get(b.estateId) ?? '',
      name: b.name,
      floors: b.floors,
      regionId: b.regionId,
      regionName: names.get(b.regionId) ?? '',
      unitCount: units.get(b.id) ?? 0,
      houseCount: houses.get(b.id) ?? 0,
    }));
  }

  private async unitViews(units: BuildingUnit[]): Promise<BuildingUnitVO[]> {
    const houses = await countBy(
      this.dataSource,
      'house',
      'unit_id',
      units.map((u) => u.id),
    );
    return units.map((u) => ({ id: u.id, buildingId: u.buildingId, name: u.name, houseCount: houses.get(u.id) ?? 0 }));
  }

  private async record(
    acting: Acting,
    action: AuditAction,
    type: string,
    id: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(acting, { action, resourceType: type, resourceId: id, result: 'success', detail });
  }
}
