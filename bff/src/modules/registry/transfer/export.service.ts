import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource, In } from 'typeorm';
import { registryLimits } from '@zhili/shared';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { AppError } from '../../../core/errors/app-error';
import { applyScope, likeEscape } from '../../../core/scope/data-scope';
import { AuditActorService } from '../../../core/audit';
import type { Acting } from '../../../core/audit';
import { RegionService } from '../../region';
import { Household, Person, PersonTag } from '../entities';
import { applyPersonFilters, orderPersons } from '../persons/person-filters';
import { personFiltersOf } from './export-filters';
import { loadRegions, tagNamesByCode } from './import-lookups';
import { householdRow, householdSheet, personRow, personSheet } from './export-sheets';
import type { CommonLookups } from './export-sheets';
import { namePaths } from './region-lookup';
import type { HouseholdExportQuery, PersonExportQuery } from '@zhili/shared';
import { writeXlsx } from './xlsx-writer';

/** Rows read from the database per query while writing a file. */
const BATCH = 1000;

export interface ExportFile {
  buffer: Buffer;
  rows: number;
}

/**
 * Excel exports of persons and households: the caller's scope and filters (the list's own), at most
 * 50,000 rows, ID numbers and phones masked, one audit record per file (filters and row count).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ExportService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private audit!: AuditActorService;

  private async regionPathOf(acting: Acting, regionId: string | undefined): Promise<string | undefined> {
    return regionId ? (await this.regions.getInScope(acting.actor, regionId)).path : undefined;
  }

  private async lookups(): Promise<CommonLookups> {
    const regionNames = namePaths(await loadRegions(this.dataSource.manager));
    return { cipher: this.cipher, regionNames, tagNames: await tagNamesByCode(this.dataSource.manager) };
  }

  private assertSize(rows: number): void {
    if (rows > registryLimits.exportRows.max) {
      throw new AppError(
        'EXPORT_TOO_LARGE',
        `符合条件的数据有 ${rows} 条，超过单次导出上限 ${registryLimits.exportRows.max} 条，请缩小筛选范围`,
      );
    }
  }

  async persons(acting: Acting, query: PersonExportQuery): Promise<ExportFile> {
    const { filters, audit } = personFiltersOf(query, await this.regionPathOf(acting, query.regionId), (plain) =>
      this.cipher.hash(plain),
    );
    const base = () =>
      applyPersonFilters(
        applyScope(
          this.dataSource.getRepository(Person).createQueryBuilder('p'),
          acting.actor,
          'p.scope_path',
          filters.regionPath,
        ),
        'p',
        filters,
      );
    const total = await base().getCount();
    this.assertSize(total);
    const common = await this.lookups();
    const buffer = await writeXlsx('人员', personSheet, async (add) => {
      for (let offset = 0; offset < total; offset += BATCH) {
        const batch = await orderPersons(base(), 'p', query.sort, query.order === 'desc' ? 'DESC' : 'ASC')
          .skip(offset)
          .take(BATCH)
          .getMany();
        if (batch.length === 0) break;
        const ids = batch.map((p) => p.id);
        const tags = await this.dataSource.getRepository(PersonTag).find({ where: { personId: In(ids) } });
        const tagsByPerson = new Map<string, string[]>();
        for (const t of tags) tagsByPerson.set(t.personId, [...(tagsByPerson.get(t.personId) ?? []), t.tagCode]);
        const householdIds = [...new Set(batch.flatMap((p) => (p.householdId ? [p.householdId] : [])))];
        const households = householdIds.length
          ? await this.dataSource.getRepository(Household).find({ where: { id: In(householdIds) } })
          : [];
        const ctx = { ...common, tagsByPerson, households: new Map(households.map((h) => [h.id, h])) };
        for (const p of batch) add(personRow(p, ctx));
      }
    });
    await this.record(acting, 'person', { kind: 'persons', filters: audit, rows: total });
    return { buffer, rows: total };
  }

  async households(acting: Acting, query: HouseholdExportQuery): Promise<ExportFile> {
    const regionPath = await this.regionPathOf(acting, query.regionId);
    const base = () => {
      const qb = applyScope(
        this.dataSource.getRepository(Household).createQueryBuilder('h'),
        acting.actor,
        'h.scope_path',
        regionPath,
      );
      if (query.type) qb.andWhere('h.household_type = :hType', { hType: query.type });
      // The household list's `q`: exact code, address contains, or head's name prefix.
      if (query.q) {
        qb.andWhere(
          `(h.code = :hCode OR h.address LIKE :hAddr ESCAPE '!' OR EXISTS (SELECT 1 FROM person hp WHERE hp.id = h.head_person_id AND hp.name LIKE :hHead ESCAPE '!'))`,
          { hCode: query.q, hAddr: `%${likeEscape(query.q)}%`, hHead: `${likeEscape(query.q)}%` },
        );
      }
      return qb;
    };
    const total = await base().getCount();
    this.assertSize(total);
    const common = await this.lookups();
    const buffer = await writeXlsx('户', householdSheet, async (add) => {
      for (let offset = 0; offset < total; offset += BATCH) {
        const batch = await base()
          .orderBy('h.code', 'ASC')
          .addOrderBy('h.id', 'ASC')
          .skip(offset)
          .take(BATCH)
          .getMany();
        if (batch.length === 0) break;
        const headIds = batch.flatMap((h) => (h.headPersonId ? [h.headPersonId] : []));
        const heads = headIds.length
          ? await this.dataSource.getRepository(Person).find({ where: { id: In(headIds) } })
          : [];
        const counts: { hid: string; n: string | number }[] = await this.dataSource
          .getRepository(Person)
          .createQueryBuilder('p')
          .select('p.household_id', 'hid')
          .addSelect('COUNT(*)', 'n')
          .where('p.household_id IN (:...ids)', { ids: batch.map((h) => h.id) })
          .andWhere("p.status = 'active'")
          .groupBy('p.household_id')
          .getRawMany();
        const ctx = {
          ...common,
          heads: new Map(heads.map((p) => [p.id, p])),
          members: new Map(counts.map((c) => [c.hid, Number(c.n)])),
        };
        for (const h of batch) add(householdRow(h, ctx));
      }
    });
    await this.record(acting, 'household', {
      kind: 'households',
      filters: { regionId: query.regionId || null, type: query.type || null, q: query.q || null },
      rows: total,
    });
    return { buffer, rows: total };
  }

  private async record(acting: Acting, resourceType: string, detail: Record<string, unknown>): Promise<void> {
    await this.audit.record(acting, {
      action: 'registry.export',
      resourceType,
      resourceId: null,
      result: 'success',
      detail,
    });
  }
}
