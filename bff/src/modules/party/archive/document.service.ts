import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { Brackets, DataSource, In } from 'typeorm';
import type { PartyDocumentCreateInput, PartyDocumentUpdateInput, PartyDocumentVO } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import type { Principal } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { likeEscape } from '../../../core/scope/data-scope';
import type { Page } from '../../../core/scope/scoped-repository';
import { FileLinkService, FileService, StoredFile } from '../../file';
import { todayInShanghai } from '../../registry';
import { OrgQueryService } from '../org/org-query.service';
import { checkNotFuture } from '../party-errors';
import { applyPartyScope, inPartyScope } from '../scope/party-scope';
import { PartyScopeService } from '../scope/party-scope.service';
import { MemberViewsService } from '../members/member-views.service';
import { PartyDocument } from './party-document.entity';

export interface DocumentListQuery {
  page: number;
  pageSize: number;
  orgId?: string;
  q?: string;
  year?: number;
}

/**
 * 文件资料柜: documents filed per organisation, read and written through the caller's party scope
 * (another organisation's document is 404). The file (a PDF or a scan) goes through the file service:
 * uploaded by the caller with `kind=document`, attached in the organisation's scope, served by a
 * signed link given with the record.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class DocumentService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private orgs!: OrgQueryService;

  @Inject()
  private views!: MemberViewsService;

  @Inject()
  private files!: FileService;

  @Inject()
  private links!: FileLinkService;

  @Inject()
  private audit!: AuditActorService;

  private async toVOs(docs: readonly PartyDocument[]): Promise<PartyDocumentVO[]> {
    const fileIds = docs.flatMap((d) => (d.fileId ? [d.fileId] : []));
    const [names, files] = await Promise.all([
      this.views.orgNames(docs.map((d) => d.orgId)),
      fileIds.length ? this.dataSource.getRepository(StoredFile).findBy({ id: In(fileIds) }) : [],
    ]);
    const fileOf = new Map(files.map((f) => [f.id, f]));
    return docs.map((d) => {
      const file = d.fileId ? fileOf.get(d.fileId) : undefined;
      return {
        id: d.id,
        orgId: d.orgId,
        orgName: names.get(d.orgId) ?? '',
        number: d.number,
        title: d.title,
        publisher: d.publisher,
        issuedOn: d.issuedOn,
        file: file ? this.links.toVO(file) : null,
        createdAt: new Date(d.createdAt).toISOString(),
      };
    });
  }

  private async getInScope(principal: Principal, id: string): Promise<PartyDocument> {
    const scope = await this.scopes.scopeOf(principal);
    const doc = await this.dataSource.getRepository(PartyDocument).findOneBy({ id });
    if (!doc || !inPartyScope(scope, doc.orgPath))
      throw new AppError('NOT_FOUND', '文件资料不存在或不在您的负责范围内');
    return doc;
  }

  async list(principal: Principal, q: DocumentListQuery): Promise<Page<PartyDocumentVO>> {
    const scope = await this.scopes.scopeOf(principal);
    const qb = applyPartyScope(
      this.dataSource.getRepository(PartyDocument).createQueryBuilder('d'),
      scope,
      'd.org_path',
    );
    if (q.orgId) {
      const org = await this.orgs.getInScope(scope, q.orgId);
      qb.andWhere('d.org_id = :orgId', { orgId: org.id });
    }
    if (q.year) qb.andWhere('d.issued_on LIKE :year', { year: `${q.year}-%` });
    const text = q.q?.trim();
    if (text) {
      const like = `%${likeEscape(text)}%`;
      qb.andWhere(
        new Brackets((or) =>
          or.where("d.title LIKE :like ESCAPE '!'", { like }).orWhere("d.number LIKE :like ESCAPE '!'", { like }),
        ),
      );
    }
    const [items, total] = await qb
      .orderBy('d.issuedOn', 'DESC')
      .addOrderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: await this.toVOs(items), total };
  }

  async create(acting: Acting, input: PartyDocumentCreateInput, now: Date = new Date()): Promise<PartyDocumentVO> {
    const scope = await this.scopes.scopeOf(acting.actor);
    const org = await this.orgs.activeInScope(scope, input.orgId);
    checkNotFuture('issuedOn', input.issuedOn, todayInShanghai(now));
    const doc = this.dataSource.getRepository(PartyDocument).create({
      id: randomUUID(),
      orgId: org.id,
      orgPath: org.path,
      number: input.number,
      title: input.title,
      publisher: input.publisher,
      issuedOn: input.issuedOn,
      fileId: input.fileId ?? null,
      actorId: acting.actor.id,
    });
    await this.dataSource.transaction(async (m) => {
      if (doc.fileId) await this.files.attach(m, [doc.fileId], acting.actor, `party:${org.path}`, 'documents');
      await m.getRepository(PartyDocument).insert(doc);
    });
    await this.record(acting, 'party.document.create', doc);
    const saved = await this.dataSource.getRepository(PartyDocument).findOneByOrFail({ id: doc.id });
    return (await this.toVOs([saved]))[0];
  }

  async update(
    acting: Acting,
    id: string,
    patch: PartyDocumentUpdateInput,
    now: Date = new Date(),
  ): Promise<PartyDocumentVO> {
    const doc = await this.getInScope(acting.actor, id);
    if (patch.issuedOn) checkNotFuture('issuedOn', patch.issuedOn, todayInShanghai(now));
    const changes: Partial<PartyDocument> = {};
    if (patch.number !== undefined) changes.number = patch.number;
    if (patch.title !== undefined) changes.title = patch.title;
    if (patch.publisher !== undefined) changes.publisher = patch.publisher;
    if (patch.issuedOn !== undefined) changes.issuedOn = patch.issuedOn;
    await this.dataSource.getRepository(PartyDocument).update({ id: doc.id }, changes);
    await this.record(acting, 'party.document.update', doc, { fields: Object.keys(changes) });
    const saved = await this.dataSource.getRepository(PartyDocument).findOneByOrFail({ id: doc.id });
    return (await this.toVOs([saved]))[0];
  }

  async remove(acting: Acting, id: string): Promise<void> {
    const doc = await this.getInScope(acting.actor, id);
    await this.dataSource.getRepository(PartyDocument).delete({ id: doc.id });
    await this.record(acting, 'party.document.delete', doc, { number: doc.number, title: doc.title });
  }

  private async record(
    acting: Acting,
    action: 'party.document.create' | 'party.document.update' | 'party.document.delete',
    doc: PartyDocument,
    detail: Record<string, string | string[]> = {},
  ): Promise<void> {
    await this.audit.record(acting, {
      action,
      resourceType: 'party_document',
      resourceId: doc.id,
      result: 'success',
      detail: { orgId: doc.orgId, ...detail },
    });
  }
}
