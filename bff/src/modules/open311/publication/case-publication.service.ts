import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { DataSource } from 'typeorm';
import type { CasePublicationVO } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { ScopedRepository } from '../../../core/scope/scoped-repository';
import { Acting, AuditActorService } from '../../../core/audit';
import { CaseCategory, CaseRecord } from '../../case';
import { isPublishable } from '../georeport/open311-request-view';

/**
 * What Open311 publishes of one case, reviewed by staff: the resident's own words never go out, only
 * the `publicDescription` staff write (or copy and clean up) here. Reads and writes go through the
 * caller's data scope (out of scope = CASE_NOT_FOUND); every change is audited.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class CasePublicationService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private audit!: AuditActorService;

  private get scoped(): ScopedRepository<CaseRecord> {
    return new ScopedRepository(this.dataSource, CaseRecord, 'scopePath', 'c');
  }

  async get(principal: Principal, id: string): Promise<CasePublicationVO> {
    return this.view(await this.find(principal, id));
  }

  async update(acting: Acting, id: string, text: string | null): Promise<CasePublicationVO> {
    const record = await this.find(acting.actor, id);
    const publicDescription = text ? text : null;
    await this.dataSource.getRepository(CaseRecord).update({ id: record.id }, { publicDescription });
    await this.audit.record(acting, {
      action: 'case.publication.update',
      resourceType: 'case',
      resourceId: record.id,
      result: 'success',
      detail: { no: record.no, before: record.publicDescription, after: publicDescription },
    });
    return this.view({ ...record, publicDescription });
  }

  private async find(principal: Principal, id: string): Promise<CaseRecord> {
    const record = await this.scoped.query(principal).andWhere('c.id = :id', { id }).getOne();
    if (!record) throw new AppError('CASE_NOT_FOUND');
    return record;
  }

  private async view(record: CaseRecord): Promise<CasePublicationVO> {
    const category = await this.dataSource
      .getRepository(CaseCategory)
      .findOne({ where: { code: record.categoryCode }, select: { code: true, isPublic: true } });
    return {
      publishable: isPublishable(record, category ?? undefined),
      categoryPublic: Boolean(category?.isPublic),
      anonymous: Boolean(record.anonymous),
      publicDescription: record.publicDescription,
    };
  }
}
