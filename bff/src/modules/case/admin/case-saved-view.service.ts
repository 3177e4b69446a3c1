import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { Repository } from 'typeorm';
import { savedViewLimits } from '@zhili/shared';
import type { CaseSavedViewVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { CaseSavedView } from '../entities';
const SAVED_VIEW_LIMIT = savedViewLimits.perPerson;

const toVO = (v: CaseSavedView): CaseSavedViewVO => ({
  id: v.id,
  name: v.name,
  filters: v.filters,
  createdAt: new Date(v.createdAt).toISOString(),
});

/** Named inbox filters of one staff member (private to them; nobody else lists or deletes them). */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CaseSavedViewService {
  @InjectEntityModel(CaseSavedView)
  private views!: Repository<CaseSavedView>;

  async list(owner: Principal): Promise<CaseSavedViewVO[]> {
    const rows = await this.views.find({ where: { staffId: owner.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toVO);
  }

  /** Saves a view; at most SAVED_VIEW_LIMIT per person, names unique per person. */
  async create(
    owner: Principal,
    name: string,
    filters: Record<string, string | string[] | undefined>,
  ): Promise<CaseSavedViewVO> {
    const mine = await this.views.find({ where: { staffId: owner.id }, select: { id: true, name: true } });
    if (mine.length >= SAVED_VIEW_LIMIT) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { field: 'name', message: `最多保存 ${SAVED_VIEW_LIMIT} 个视图，请先删除不用的` },
      ]);
    }
    const trimmed = name.trim();
    if (mine.some((v) => v.name === trimmed)) throw new AppError('CONFLICT', '已有同名视图');
    // Empty values carry nothing: drop them so replaying the view equals the list's own defaults.
    const clean = Object.fromEntries(
      Object.entries(filters).filter((entry): entry is [string, string | string[]] =>
        Array.isArray(entry[1]) ? entry[1].length > 0 : !!entry[1],
      ),
    );
    const row = this.views.create({ id: randomUUID(), staffId: owner.id, name: trimmed, filters: clean });
    await this.views.insert(row);
    return toVO((await this.views.findOneBy({ id: row.id })) as CaseSavedView);
  }

  /** Deletes one of the caller's views; anyone else's id is NOT_FOUND. */
  async remove(owner: Principal, id: string): Promise<void> {
    const result = await this.views.delete({ id, staffId: owner.id });
    if (!result.affected) throw new AppError('NOT_FOUND');
  }
}
