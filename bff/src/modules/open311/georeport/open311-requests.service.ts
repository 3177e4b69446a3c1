import { Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { Between, DataSource, FindOptionsWhere, In, Not } from 'typeorm';
import type { Open311RequestVO, Open311TokenVO } from '@zhili/shared';
import { CaseCategory, CaseEvent, CaseRecord } from '../../case';
import { notFound } from './open311-error';
import { OPEN311_MAX_RESULTS } from './open311-params';
import { toOpen311Request } from './open311-request-view';
import type { RequestViewContext } from './open311-request-view';
import { caseStatusesFor } from './open311-status';
import type { Open311Status } from './open311-status';

export const OPEN311_SYSTEM = 'open311';

/** A GET requests query after parsing: either explicit numbers, or filters over a date window. */
export type RequestsQuery =
  { ids: string[] } | { ids?: undefined; serviceCodes?: string[]; statuses?: Open311Status[]; from: Date; to: Date };

/**
 * Reading service requests. GET is public in the spec, so it lists the cases of the whole
 * jurisdiction (not only those of one api_key) with public fields only (see toOpen311Request);
 * cases held for content review (`pending_review`) do not exist here.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Open311RequestsService {
  @InjectDataSource()
  private dataSource!: DataSource;

  async list(query: RequestsQuery): Promise<Open311RequestVO[]> {
    const hidden = Not('pending_review' as const);
    let where: FindOptionsWhere<CaseRecord>;
    if (query.ids) {
      // The spec: service_request_id overrides every other argument.
      where = { no: In(query.ids), status: hidden };
    } else {
      const statuses = query.statuses ? [...new Set(query.statuses.flatMap(caseStatusesFor))] : undefined;
      where = {
        createdAt: Between(query.from, query.to),
        status: statuses ? In(statuses) : hidden,
        ...(query.serviceCodes ? { categoryCode: In(query.serviceCodes) } : {}),
      };
    }
    const rows = await this.dataSource
      .getRepository(CaseRecord)
      .find({ where, order: { createdAt: 'DESC', id: 'ASC' }, take: OPEN311_MAX_RESULTS });
    return this.views(rows);
  }

  /** One request by its number (our case `no`); 404 when unknown or not public. */
  async one(no: string): Promise<Open311RequestVO[]> {
    const row = await this.dataSource
      .getRepository(CaseRecord)
      .findOne({ where: { no, status: Not('pending_review' as const) } });
    if (!row) throw notFound(`service_request_id ${no} `);
    return this.views([row]);
  }

  /** The request number a token (our reference of a posted request) became. */
  async byToken(token: string): Promise<Open311TokenVO[]> {
    const row = await this.dataSource
      .getRepository(CaseRecord)
      .findOne({ where: { externalSystem: OPEN311_SYSTEM, externalId: token }, select: { id: true, no: true } });
    if (!row) throw notFound(`token ${token} `);
    return [{ service_request_id: row.no, token }];
  }

  /** Views of many cases with three extra reads in all (categories, merge targets, posted media). */
  private async views(rows: CaseRecord[]): Promise<Open311RequestVO[]> {
    if (!rows.length) return [];
    const categories = new Map((await this.dataSource.getRepository(CaseCategory).find()).map((c) => [c.code, c]));
    const mergeTargets = [...new Set(rows.map((r) => r.mergedIntoId).filter((id): id is string => Boolean(id)))];
    const targets = mergeTargets.length
      ? await this.dataSource
          .getRepository(CaseRecord)
          .find({ where: { id: In(mergeTargets) }, select: { id: true, no: true } })
      : [];
    const noById = new Map(targets.map((t) => [t.id, t.no]));
    const mergedNos = new Map(
      rows
        .filter((r) => r.mergedIntoId && noById.has(r.mergedIntoId))
        .map((r) => [r.id, noById.get(r.mergedIntoId as string) as string]),
    );
    const ctx: RequestViewContext = { categories, mergedNos, mediaUrls: await this.postedMedia(rows) };
    return rows.map((r) => toOpen311Request(r, ctx));
  }

  /**
   * Media URLs Open311 clients posted (kept as a note event with `data.mediaUrl`). Photos residents
   * took in the mini-program are not published: they did not report for publication.
   */
  private async postedMedia(rows: CaseRecord[]): Promise<Map<string, string>> {
    const ids = rows.filter((r) => r.source === 'open311').map((r) => r.id);
    if (!ids.length) return new Map();
    const events = await this.dataSource
      .getRepository(CaseEvent)
      .find({ where: { caseId: In(ids), type: 'note', actorKind: 'external' }, order: { seq: 'ASC' } });
    const urls = new Map<string, string>();
    for (const e of events) {
      const url = e.data?.mediaUrl;
      if (typeof url === 'string' && !urls.has(e.caseId)) urls.set(e.caseId, url);
    }
    return urls;
  }
}
