import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import type { AuditAction, CaseCategoryCreateInput, CaseCategoryUpdateInput, CaseCategoryVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { Acting, AuditActorService } from '../../../core/audit';
import { CaseCategory } from '../entities';
import { TownLevelCheck } from './town-level';

type Editable = Pick<
  CaseCategory,
  'name' | 'icon' | 'description' | 'department' | 'slaHours' | 'acceptHours' | 'active' | 'sortOrder' | 'isPublic'
>;

/** '' from a form means "none". */
const orNull = (value: string | null | undefined): string | null => (value ? value : null);

/** Maps a stored category to its wire shape (also used by the case views and Open311). */
export function toCaseCategoryVO(c: CaseCategory): CaseCategoryVO {
  return {
    code: c.code,
    name: c.name,
    icon: c.icon,
    description: c.description,
    department: c.department,
    slaHours: c.slaHours,
    acceptHours: c.acceptHours,
    active: Boolean(c.active),
    sortOrder: c.sortOrder,
    isPublic: Boolean(c.isPublic),
  };
}

/**
 * The managed list of problem types. Codes never change (cases and outside systems refer to them);
 * a category is never deleted, only deactivated, so existing cases keep their category.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseCategoryAdminService {
  @InjectEntityModel(CaseCategory)
  private categories!: Repository<CaseCategory>;

  @Inject()
  private audit!: AuditActorService;

  @Inject()
  private townLevel!: TownLevelCheck;

  /** Every category, inactive ones too, in display order. */
  async list(): Promise<CaseCategoryVO[]> {
    const rows = await this.categories.find({ order: { sortOrder: 'ASC', code: 'ASC' } });
    return rows.map(toCaseCategoryVO);
  }

  async create(acting: Acting, body: CaseCategoryCreateInput): Promise<CaseCategoryVO> {
    await this.townLevel.assert(acting, 'case.category.create', 'case_category', body.code);
    assertAcceptWithinSla(body.acceptHours, body.slaHours);
    if (await this.categories.existsBy({ code: body.code })) throw new AppError('CONFLICT', '类型代码已存在');
    const last = await this.categories.find({
      order: { sortOrder: 'DESC' },
      take: 1,
      select: { code: true, sortOrder: true },
    });
    const category = this.categories.create({
      code: body.code,
      name: body.name,
      icon: body.icon,
      description: orNull(body.description),
      department: orNull(body.department),
      slaHours: body.slaHours,
      acceptHours: body.acceptHours,
      active: body.active ?? true,
      sortOrder: body.sortOrder ?? (last[0]?.sortOrder ?? 0) + 1,
      // Privacy by default: staff opt a new category in to publication.
      isPublic: body.isPublic ?? false,
    });
    try {
      await this.categories.insert(category);
    } catch (err) {
      // Two admins creating the same code at once: the primary key decides, the loser gets 409.
      if (await this.categories.existsBy({ code: body.code })) throw new AppError('CONFLICT', '类型代码已存在');
      throw err;
    }
    await this.record(acting, 'case.category.create', body.code, { ...toCaseCategoryVO(category) });
    return this.get(body.code);
  }

  async update(acting: Acting, code: string, body: CaseCategoryUpdateInput): Promise<CaseCategoryVO> {
    const current = await this.find(code);
    await this.townLevel.assert(acting, 'case.category.update', 'case_category', code);
    const changes: Partial<Editable> = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.icon !== undefined) changes.icon = body.icon;
    if (body.description !== undefined) changes.description = orNull(body.description);
    if (body.department !== undefined) changes.department = orNull(body.department);
    if (body.slaHours !== undefined) changes.slaHours = body.slaHours;
    if (body.acceptHours !== undefined) changes.acceptHours = body.acceptHours;
    if (body.active !== undefined) changes.active = body.active;
    if (body.sortOrder !== undefined) changes.sortOrder = body.sortOrder;
    if (body.isPublic !== undefined) changes.isPublic = body.isPublic;
    assertAcceptWithinSla(changes.acceptHours ?? current.acceptHours, changes.slaHours ?? current.slaHours);
    if (Object.keys(changes).length) await this.categories.update({ code }, changes);
    await this.record(acting, 'case.category.update', code, { ...changes });
    return this.get(code);
  }

  private async get(code: string): Promise<CaseCategoryVO> {
    return toCaseCategoryVO(await this.find(code));
  }

  private async find(code: string): Promise<CaseCategory> {
    const category = await this.categories.findOneBy({ code });
    if (!category) throw new AppError('NOT_FOUND', '问题类型不存在');
    return category;
  }

  private async record(
    acting: Acting,
    action: AuditAction,
    code: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(acting, {
      action,
      resourceType: 'case_category',
      resourceId: code,
      result: 'success',
      detail,
    });
  }
}

/** Accepting a case cannot take longer than resolving it. */
function assertAcceptWithinSla(acceptHours: number, slaHours: number): void {
  if (acceptHours > slaHours) {
    throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'acceptHours', message: '受理时限不能超过办结时限' }]);
  }
}
