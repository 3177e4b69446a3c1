import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import type { StudyColumnInput, StudyColumnVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { Acting, AuditActorService } from '../../../core/audit';
import { AppError } from '../../../core/errors/app-error';
import { PartyScopeService } from '../../party';
import { conflict, invalid } from './course-errors';
import { StudyColumn } from './study-column.entity';
import { StudyCourse } from './study-course.entity';

/** 栏目: one town-wide set, arranged by the town committee (`party:manage`); branches read it. */
@Provide()
@Scope(ScopeEnum.Singleton)
export class StudyColumnService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private audit!: AuditActorService;

  async list(page: number, pageSize: number): Promise<{ items: StudyColumnVO[]; total: number }> {
    const [columns, total] = await this.dataSource.getRepository(StudyColumn).findAndCount({
      order: { sortOrder: 'ASC', createdAt: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: await this.toVOs(columns), total };
  }

  async create(acting: Acting, input: StudyColumnInput): Promise<StudyColumnVO> {
    await this.assertTown(acting.actor);
    await this.assertNameFree(input.name);
    const column = this.dataSource.getRepository(StudyColumn).create({
      id: randomUUID(),
      name: input.name,
      description: input.description || null,
      sortOrder: input.sortOrder,
    });
    await this.dataSource.getRepository(StudyColumn).insert(column);
    await this.record(acting, 'party.study.column.save', column.id);
    return (await this.toVOs([column]))[0];
  }

  async update(acting: Acting, id: string, input: StudyColumnInput): Promise<StudyColumnVO> {
    // The column first: an unknown id is 404 for everyone; a branch editing a real one is refused.
    const column = await this.get(id);
    await this.assertTown(acting.actor);
    if (column.name !== input.name) await this.assertNameFree(input.name);
    Object.assign(column, { name: input.name, description: input.description || null, sortOrder: input.sortOrder });
    await this.dataSource.getRepository(StudyColumn).save(column);
    await this.record(acting, 'party.study.column.save', id);
    return (await this.toVOs([column]))[0];
  }

  async remove(acting: Acting, id: string): Promise<void> {
    await this.get(id);
    await this.assertTown(acting.actor);
    const courses = await this.dataSource.getRepository(StudyCourse).countBy({ columnId: id });
    if (courses > 0) throw conflict(`栏目下还有 ${courses} 门课程，请先把课程移到其他栏目或删除`);
    await this.dataSource.getRepository(StudyColumn).delete({ id });
    await this.record(acting, 'party.study.column.delete', id);
  }

  async get(id: string): Promise<StudyColumn> {
    const column = await this.dataSource.getRepository(StudyColumn).findOneBy({ id });
    if (!column) throw new AppError('NOT_FOUND', '栏目不存在');
    return column;
  }

  private async assertTown(actor: Principal): Promise<void> {
    if (!(await this.scopes.scopeOf(actor)).all)
      throw new AppError('FORBIDDEN', '栏目由镇党委统一设置，如需调整请联系镇党委');
  }

  private async assertNameFree(name: string): Promise<void> {
    if (await this.dataSource.getRepository(StudyColumn).existsBy({ name })) throw invalid('name', '已有同名栏目');
  }

  private async record(acting: Acting, action: 'party.study.column.save' | 'party.study.column.delete', id: string) {
    await this.audit.record(acting, { action, resourceType: 'study_column', resourceId: id, result: 'success' });
  }

  private async toVOs(columns: readonly StudyColumn[]): Promise<StudyColumnVO[]> {
    if (columns.length === 0) return [];
    const counts = await this.dataSource
      .getRepository(StudyCourse)
      .createQueryBuilder('c')
      .select('c.column_id', 'columnId')
      .addSelect('COUNT(*)', 'n')
      .where('c.column_id IN (:...ids)', { ids: columns.map((c) => c.id) })
      .groupBy('c.column_id')
      .getRawMany<{ columnId: string; n: number | string }>();
    const byColumn = new Map(counts.map((r) => [r.columnId, Number(r.n)]));
    return columns.map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      sortOrder: c.sortOrder,
      courseCount: byColumn.get(c.id) ?? 0,
    }));
  }
}
