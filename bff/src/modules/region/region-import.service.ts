import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import type { DataSource } from 'typeorm';
import { validateGeometry } from '@zhili/shared';
import type { BoundaryGeometry, BoundaryImportReport } from '@zhili/shared';
import { AppError } from '../../core/errors/app-error';
import { Acting, AuditActorService } from '../../core/audit';
import { GeoIndexService } from './geo/geo-index.service';
import { Region } from './region.entity';
import { RegionService, storedBoundary } from './region.service';

/** Features per import: a town has a few hundred regions; more is a wrong file. */
export const MAX_IMPORT_FEATURES = 2000;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

interface Planned {
  region: Region;
  geometry: BoundaryGeometry;
  feature: number;
}

/** Lookups over the caller's subtree, in the order features are matched. */
class RegionMatcher {
  private readonly byId = new Map<string, Region>();
  private readonly byCode = new Map<string, Region[]>();
  private readonly byName = new Map<string, Region[]>();

  constructor(regions: readonly Region[]) {
    for (const r of regions) {
      this.byId.set(r.id, r);
      if (r.code) this.byCode.set(r.code, [...(this.byCode.get(r.code) ?? []), r]);
      this.byName.set(r.name, [...(this.byName.get(r.name) ?? []), r]);
    }
  }

  /** properties.id, then code, then name under parentId (or a name unique in scope); a message when none fits. */
  match(props: Json): Region | string {
    const id = text(props.id);
    if (id && this.byId.has(id)) return this.byId.get(id) as Region;
    const code = text(props.code);
    const byCode = code ? (this.byCode.get(code) ?? []) : [];
    if (byCode.length === 1) return byCode[0];
    if (byCode.length > 1) return `区划代码 ${code} 对应多个区域，请在 properties.id 中注明区域 id`;
    const name = text(props.name);
    if (!name && (id || code))
      return `未找到${id ? ` id 为 ${id}` : `区划代码为 ${code}`} 的区域（或不在您的管辖范围内）`;
    if (!name) return '未找到对应的区域：请在 properties 中提供 id、code 或 name';
    const parentId = text(props.parentId);
    const named = (this.byName.get(name) ?? []).filter((r) => !parentId || r.parentId === parentId);
    if (named.length === 1) return named[0];
    if (named.length > 1) return `名称“${name}”对应多个区域，请提供 parentId 或 id`;
    return `未找到名为“${name}”的区域（或不在您的管辖范围内）`;
  }
}

/**
 * GeoJSON boundary import: every Feature is matched to an existing region of the caller's subtree
 * and its geometry validated; a dry run only reports. A real run writes all boundaries in one
 * transaction, and only when no feature has an error (all-or-nothing).
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class RegionImportService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private geoIndex!: GeoIndexService;

  @Inject()
  private audit!: AuditActorService;

  /** `errors[].feature` is the feature's position counted from 1, as a person reads the file. */
  async import(acting: Acting, featureCollection: unknown, dryRun: boolean): Promise<BoundaryImportReport> {
    const features = this.featuresOf(featureCollection);
    const matcher = new RegionMatcher(await this.regions.listInScope(acting.actor));
    const errors: BoundaryImportReport['errors'] = [];
    const planned = new Map<string, Planned>();
    const matched = new Set<string>();
    for (const [i, raw] of features.entries()) {
      const feature = i + 1;
      const problem = this.plan(matcher, raw, feature, planned, matched);
      if (problem) errors.push({ feature, message: problem });
    }
    const report: BoundaryImportReport = { dryRun, matched: matched.size, updated: 0, errors };
    if (dryRun) return report;
    if (errors.length === 0) {
      await this.dataSource.transaction(async (manager) => {
        for (const { region, geometry } of planned.values()) {
          await manager.getRepository(Region).update({ id: region.id }, storedBoundary(geometry, undefined));
        }
      });
      report.updated = planned.size;
      if (planned.size) await this.geoIndex.boundariesChanged();
    }
    await this.audit.record(acting, {
      action: 'region.import',
      resourceType: 'region',
      result: errors.length ? 'failure' : 'success',
      detail: {
        features: features.length,
        matched: report.matched,
        updated: report.updated,
        errors: errors.length,
        regionIds: [...planned.keys()].slice(0, 50),
      },
    });
    return report;
  }

  /** Matches and validates one feature into `planned`; the problem when it cannot be imported. */
  private plan(
    matcher: RegionMatcher,
    raw: unknown,
    feature: number,
    planned: Map<string, Planned>,
    matched: Set<string>,
  ): string | null {
    if (!isObject(raw) || raw.type !== 'Feature') return '应为 GeoJSON Feature';
    const region = matcher.match(isObject(raw.properties) ? raw.properties : {});
    if (typeof region === 'string') return region;
    matched.add(region.id);
    const check = validateGeometry(raw.geometry);
    if (!check.ok) return `${region.name}：${check.message}`;
    const earlier = planned.get(region.id);
    if (earlier) return `与第 ${earlier.feature} 个要素对应同一区域“${region.name}”`;
    planned.set(region.id, { region, geometry: check.geometry, feature });
    return null;
  }

  private featuresOf(value: unknown): unknown[] {
    const invalid = (message: string) =>
      new AppError('VALIDATION_FAILED', message, [{ field: 'featureCollection', message }]);
    if (!isObject(value) || value.type !== 'FeatureCollection' || !Array.isArray(value.features)) {
      throw invalid('应为 GeoJSON FeatureCollection（type 与 features）');
    }
    if (value.features.length === 0) throw invalid('文件中没有任何要素');
    if (value.features.length > MAX_IMPORT_FEATURES) throw invalid(`一次最多导入 ${MAX_IMPORT_FEATURES} 个要素`);
    return value.features;
  }
}
