import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditAction, TagDefinitionVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import type { Principal } from '../../../core/auth/principal';
import { scopePrefix, prefixCondition, needsPrefixRange } from '../../../core/scope/data-scope';
import { Acting, AuditActorService } from '../../../core/audit';
import { RegionService } from '../../region';
import { PersonTag, TagDefinition } from '../entities';
import type { TagCreateInput, TagUpdateInput } from '@zhili/shared';

const TOWN_ONLY = '标签为全镇统一配置，只有镇级管理人员可以修改';

/**
 * The managed list of person tags. Definitions are global configuration (one list for the whole
 * town), so only staff bound to the town root may change them; counts are always per caller scope.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class TagService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private regions!: RegionService;

  @Inject()
  private audit!: AuditActorService;

  private get tags() {
    return this.dataSource.getRepository(TagDefinition);
  }

  /** Every definition (inactive ones too, for the admin), with active persons per tag in the caller's scope. */
  async list(principal: Principal): Promise<TagDefinitionVO[]> {
    const [defs, counts] = await Promise.all([
      this.tags.find({ order: { sortOrder: 'ASC', code: 'ASC' } }),
      this.countsInScope(principal),
    ]);
    return defs.map((d) => this.toVO(d, counts.get(d.code) ?? 0));
  }

  async create(acting: Acting, body: TagCreateInput): Promise<TagDefinitionVO> {
    await this.assertTownLevel(acting, 'tag.create', body.code);
    if (await this.tags.existsBy({ code: body.code })) throw new AppError('CONFLICT', '标签代码已存在');
    const last = await this.tags.find({
      order: { sortOrder: 'DESC' },
      take: 1,
      select: { code: true, sortOrder: true },
    });
    const tag = this.tags.create({
      code: body.code,
      name: body.name,
      visitIntervalDays: body.visitIntervalDays,
      color: body.color.toLowerCase(),
      sortOrder: (last[0]?.sortOrder ?? 0) + 1,
      builtin: false,
      active: body.active ?? true,
    });
    await this.tags.insert(tag);
    await this.record(acting, 'tag.create', tag.code, {
      name: tag.name,
      visitIntervalDays: tag.visitIntervalDays,
      color: tag.color,
      active: tag.active,
    });
    return this.toVO(tag, 0);
  }

  async update(acting: Acting, code: string, body: TagUpdateInput): Promise<TagDefinitionVO> {
    const tag = await this.get(code);
    await this.assertTownLevel(acting, 'tag.update', code);
    const changes: Partial<Pick<TagDefinition, 'name' | 'visitIntervalDays' | 'color' | 'active'>> = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.visitIntervalDays !== undefined) changes.visitIntervalDays = body.visitIntervalDays;
    if (body.color !== undefined) changes.color = body.color.toLowerCase();
    if (body.active !== undefined) changes.active = body.active;
    if (Object.keys(changes).length) await this.tags.update({ code }, changes);
    await this.record(acting, 'tag.update', code, { ...changes });
    return (await this.list(acting.actor)).find((t) => t.code === code) ?? this.toVO({ ...tag, ...changes }, 0);
  }

  /** Deletes a custom tag nobody carries; built-in tags are only ever deactivated. */
  async remove(acting: Acting, code: string): Promise<void> {
    const tag = await this.get(code);
    await this.assertTownLevel(acting, 'tag.delete', code);
    if (tag.builtin) throw new AppError('CONFLICT', '内置标签不能删除，可以停用');
    // Anywhere in the town, not only in the caller's scope: the definition is global.
    if (await this.dataSource.getRepository(PersonTag).existsBy({ tagCode: code })) {
      throw new AppError('RECORD_IN_USE', '仍有人员带有该标签，不能删除；可以停用');
    }
    await this.tags.delete({ code });
    await this.record(acting, 'tag.delete', code, { name: tag.name });
  }

  private async get(code: string): Promise<TagDefinition> {
    const tag = await this.tags.findOneBy({ code });
    if (!tag) throw new AppError('NOT_FOUND', '标签不存在');
    return tag;
  }

  /** One GROUP BY over the (tag_code, scope_path) index, active persons only. */
  private async countsInScope(principal: Principal): Promise<Map<string, number>> {
    const prefix = scopePrefix(principal);
    if (!prefix) return new Map();
    const rows = await this.dataSource
      .getRepository(PersonTag)
      .createQueryBuilder('pt')
      .innerJoin('person', 'p', 'p.id = pt.person_id')
      .select('pt.tag_code', 'code')
      .addSelect('COUNT(*)', 'n')
      .where(...prefixCondition('pt.scope_path', prefix, 'prefix', needsPrefixRange(this.dataSource)))
      .andWhere("p.status = 'active'")
      .groupBy('pt.tag_code')
      .getRawMany<{ code: string; n: string | number }>();
    return new Map(rows.map((r) => [r.code, Number(r.n)]));
  }

  /** Writes need the town root as scope (the route already required person:manage); refusals are audited. */
  private async assertTownLevel(acting: Acting, action: AuditAction, code: string): Promise<void> {
    const segments = (scopePrefix(acting.actor) ?? '').split('/').filter(Boolean);
    const region = segments.length === 1 ? await this.regions.find(segments[0]) : null;
    if (region?.level === 'town' && region.parentId === null) return;
    await this.audit.record(acting, {
      action,
      resourceType: 'tag',
      resourceId: code,
      result: 'denied',
      detail: { reason: 'scope_not_town' },
    });
    throw new AppError('FORBIDDEN', TOWN_ONLY);
  }

  private async record(
    acting: Acting,
    action: AuditAction,
    code: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(acting, { action, resourceType: 'tag', resourceId: code, result: 'success', detail });
  }

  private toVO(
    t: Pick<TagDefinition, 'code' | 'name' | 'visitIntervalDays' | 'color' | 'builtin' | 'active'>,
    personCount: number,
  ): TagDefinitionVO {
    return {
      code: t.code,
      name: t.name,
      visitIntervalDays: t.visitIntervalDays,
      color: t.color,
      builtin: Boolean(t.builtin),
      active: Boolean(t.active),
      personCount,
    };
  }
}
