import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { Repository } from 'typeorm';
import { wgs84ToGcj02 } from '@zhili/shared';
import type { Open311PostedVO } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';
import { CaseCategory, CaseIntakeService, CaseWorkflowService, systemActor } from '../../case';
import { GeoIndexService } from '../../region';
import { Open311KeyService } from '../keys/open311-key.service';
import type { Open311Key } from '../open311-key.entity';
import { badRequest, notFound, Open311Error } from './open311-error';
import type { Open311PostForm } from './open311-post-form';
import { serviceNoticeOf } from './open311-request-view';
import { OPEN311_SYSTEM } from './open311-requests.service';

/** Same tolerance as the intake: a point just outside every grid still counts (GPS error at the edge). */
const LOCATION_TOLERANCE_M = 200;

/**
 * POST Service Request: an outside client files a case with its api_key. The key's scope (the
 * issuing staff member's region) bounds where it may report; the reporter is the client
 * (`open311:<keyId>`, with the person's name and phone if given), never a resident account.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class Open311IntakeService {
  @Inject()
  private keys!: Open311KeyService;

  @Inject()
  private intake!: CaseIntakeService;

  @Inject()
  private workflow!: CaseWorkflowService;

  @Inject()
  private geo!: GeoIndexService;

  @InjectEntityModel(CaseCategory)
  private categories!: Repository<CaseCategory>;

  @Logger()
  private logger!: ILogger;

  /** The client's key: missing, unknown or revoked is 403 (checked before the form: 403 comes before 400). */
  async authenticate(apiKey: string | undefined): Promise<Open311Key> {
    const key = await this.keys.authenticate(apiKey);
    if (!key) throw new Open311Error(403, apiKey ? 'api_key 无效或已吊销' : '缺少 api_key');
    return key;
  }

  async post(key: Open311Key, form: Open311PostForm): Promise<Open311PostedVO[]> {
    const category = await this.categories.findOneBy({ code: form.serviceCode, active: true });
    if (!category) throw notFound(`service_code ${form.serviceCode} `);
    const location = form.point ? await this.locate(form.point, key) : null;
    const token = randomUUID();
    const { record } = await this.intake
      .submit({
        source: 'open311',
        reporter: { kind: 'external', id: `open311:${key.id}`, name: form.reporterName ?? key.name.slice(0, 64) },
        // Each POST is a new report: the spec has no client idempotency key.
        idempotencyKey: randomUUID(),
        categoryCode: category.code,
        description: form.description,
        location,
        regionId: location ? undefined : regionOfScope(key.scopePath),
        address: form.addressString ?? (form.addressId ? `地址编号：${form.addressId}` : null),
        anonymous: false,
        contactPhone: form.phone,
        external: { system: OPEN311_SYSTEM, id: token },
      })
      .catch((err: unknown) => {
        throw this.asOpen311(err);
      });
    if (form.mediaUrl) await this.keepMediaUrl(record.id, form.mediaUrl, key);
    return [{ service_request_id: record.no, service_notice: serviceNoticeOf(category), account_id: form.accountId }];
  }

  /** WGS84 → GCJ-02, and the grid it falls in must lie in the key's scope. */
  private async locate([lng, lat]: [number, number], key: Open311Key): Promise<{ lng: number; lat: number }> {
    const [gLng, gLat] = wgs84ToGcj02([lng, lat]);
    const hit = await this.geo.resolve(gLng, gLat, LOCATION_TOLERANCE_M);
    if (!hit.regionId || !hit.path) throw badRequest('lat/long 不在本辖区任何网格内');
    if (!hit.path.startsWith(key.scopePath)) throw badRequest('lat/long 不在该 api_key 的服务范围内');
    return { lng: gLng, lat: gLat };
  }

  /** The media URL goes on the timeline as a note (never fetched: it is the client's link). */
  private async keepMediaUrl(caseId: string, url: string, key: Open311Key): Promise<void> {
    const actor = systemActor(`Open311：${key.name}`.slice(0, 64), 'external');
    await this.workflow.recordEvent(
      caseId,
      { type: 'note', note: `附件链接：${url}`, photoIds: [], data: { mediaUrl: url } },
      actor,
    );
  }

  private asOpen311(err: unknown): Error {
    if (!(err instanceof AppError)) return err instanceof Error ? err : new Error(String(err));
    if (err.code === 'CASE_CATEGORY_INVALID') return new Open311Error(404, 'service_code 不存在或已停用');
    if (err.code === 'CASE_LOCATION_OUTSIDE') return badRequest('位置不在本辖区服务范围内');
    if (err.status === 400)
      return badRequest([err.message, ...(err.details ?? []).map((d) => `${d.field}: ${d.message}`)]);
    this.logger.warn('Open311 intake refused: %s', err.code);
    return err;
  }
}

/** The region a scope path ends in (`/town/village/` → village). */
function regionOfScope(scopePath: string): string {
  const segments = scopePath.split('/').filter(Boolean);
  return segments[segments.length - 1];
}
