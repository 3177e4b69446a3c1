import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectEntityModel } from '@midwayjs/typeorm';
import { Repository } from 'typeorm';
import type { MpCaseSubmitBody } from '@zhili/shared';
import type { Principal } from '../../../core/auth/principal';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { AppError } from '../../../core/errors/app-error';
import { InfraService } from '../../../core/infra/infra.service';
import { MpUser } from '../../mp-user';
import { GeoIndexService } from '../../region';
import { ContentSecurityService } from '../content';
import type { TextVerdict } from '../content';
import { CaseIntakeService } from '../core/case-intake.service';
import { CaseCategory, CaseRecord } from '../entities';

/** Same tolerance as the intake: a report just outside every grid (GPS error at the edge) is accepted. */
const LOCATION_TOLERANCE_M = 200;
/** How long one submission may hold its idempotency lock, and how long a resend waits for it. */
const SUBMIT_LOCK_MS = 30_000;

/**
 * A resident's report (随手拍) from the mini-program: the text goes through WeChat's content check
 * before anything is stored (risky → refused), the case is held for review when the text needs a
 * human look or photos still await their asynchronous check, and a resend of the same draft (offline
 * queue, double tap) answers the case already filed without a second case or a second check.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MpCaseSubmitService {
  @InjectEntityModel(MpUser)
  private users!: Repository<MpUser>;

  @InjectEntityModel(CaseRecord)
  private cases!: Repository<CaseRecord>;

  @InjectEntityModel(CaseCategory)
  private categories!: Repository<CaseCategory>;

  @Inject()
  private intake!: CaseIntakeService;

  @Inject()
  private content!: ContentSecurityService;

  @Inject()
  private geo!: GeoIndexService;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private infra!: InfraService;

  @Logger()
  private logger!: ILogger;

  async submit(principal: Principal, body: MpCaseSubmitBody): Promise<{ record: CaseRecord; created: boolean }> {
    const user = await this.users.findOne({ where: { id: principal.id } });
    if (!user) throw new AppError('AUTH_REQUIRED');
    // One submission per draft at a time: a concurrent resend waits and then finds the case filed.
    const key = `case:mp-submit:${user.id}:${body.idempotencyKey}`;
    return this.infra.infra.lock.withLock(key, SUBMIT_LOCK_MS, SUBMIT_LOCK_MS, async () => {
      const existing = await this.cases.findOne({
        where: { reporterId: user.id, idempotencyKey: body.idempotencyKey },
      });
      if (existing) return { record: existing, created: false };
      // Cheap refusals before asking WeChat anything.
      await this.checkCategory(body.categoryCode);
      await this.checkLocation(body.location);
      // Risky text throws CONTENT_RISKY here, before anything is stored.
      const text = await this.content.checkText(user.openid, body.description);
      const photoIds = body.photoIds ?? [];
      const hold = text.suggest === 'review' || photoIds.length > 0;
      const result = await this.intake.submit({
        source: 'mp',
        reporter: { kind: 'mp', id: user.id, name: user.nickname },
        idempotencyKey: body.idempotencyKey,
        categoryCode: body.categoryCode,
        description: body.description,
        photoIds,
        location: { lng: body.location.lng, lat: body.location.lat },
        address: body.address || null,
        anonymous: body.anonymous,
        contactPhone: body.contactPhone || this.cipher.open(user.phone),
        hold,
        fileOwner: principal,
      });
      if (result.created && hold) await this.startChecks(result.record, user.openid, text, photoIds);
      return result;
    });
  }

  private async checkCategory(code: string): Promise<void> {
    const category = await this.categories.findOne({ where: { code }, select: { code: true, active: true } });
    if (!category || !category.active) throw new AppError('CASE_CATEGORY_INVALID');
  }

  private async checkLocation(at: { lng: number; lat: number }): Promise<void> {
    const hit = await this.geo.resolve(at.lng, at.lat, LOCATION_TOLERANCE_M);
    if (!hit.regionId) throw new AppError('CASE_LOCATION_OUTSIDE');
  }

  /**
   * Starts the asynchronous checks of a held case. The case is already stored: a failure here must
   * not turn the answer into an error (the resend would find the case and never start them), so it
   * is logged and the case stays in pending_review for staff to approve or reject by hand.
   */
  private async startChecks(record: CaseRecord, openid: string, text: TextVerdict, fileIds: string[]): Promise<void> {
    try {
      await this.content.startChecks(record.id, { openid, text, fileIds });
    } catch (err) {
      this.logger.warn(
        '[case] content checks of %s could not start: %s',
        record.no,
        err instanceof Error ? err.message : String(err),
      );
    }
  }
}
