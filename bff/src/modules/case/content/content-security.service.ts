import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource, InjectEntityModel } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource, Repository } from 'typeorm';
import { AppError } from '../../../core/errors/app-error';
import { InfraService } from '../../../core/infra/infra.service';
import { FileLinkService } from '../../file';
import { parseSuggest, WechatApiError, WechatClient } from '../../wechat';
import type { ContentScene, ContentSuggest } from '../../wechat';
import { CaseContentCheck, CaseRecord } from '../entities';
import { CaseContentDecider } from './content-decider';
import { PublicBaseUrl } from './public-base-url';

/** Reports are public posts seen by neighbours (附议, nearby cases): WeChat's "forum" scene. */
const SCENE: ContentScene = 3;
/** fileId of the row that stands for the report's text. */
export const TEXT_CHECK_FILE_ID = 'text';

export interface TextVerdict {
  suggest: 'pass' | 'review';
  /** WeChat's trace id; null when WeChat could not be asked. */
  traceId: string | null;
}

/**
 * WeChat content security for residents' reports. Text is checked synchronously before anything is
 * stored (risky → CONTENT_RISKY); photos are checked asynchronously, each recorded as a
 * CaseContentCheck until WeChat pushes its verdict. When WeChat cannot be asked the report is held
 * for a human instead of being lost or let through.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ContentSecurityService {
  @Inject()
  private wechat!: WechatClient;

  @Inject()
  private links!: FileLinkService;

  @Inject()
  private baseUrl!: PublicBaseUrl;

  @Inject()
  private decider!: CaseContentDecider;

  @Inject()
  private infra!: InfraService;

  @InjectDataSource()
  private dataSource!: DataSource;

  @InjectEntityModel(CaseContentCheck)
  private checks!: Repository<CaseContentCheck>;

  @Logger()
  private logger!: ILogger;

  /** Throws CONTENT_RISKY on risky text; WeChat unavailable → review (held, never lost). */
  async checkText(openid: string, text: string): Promise<TextVerdict> {
    try {
      const result = await this.wechat.msgSecCheck({ openid, content: text, scene: SCENE });
      if (result.suggest === 'risky') throw new AppError('CONTENT_RISKY');
      return { suggest: result.suggest, traceId: result.traceId };
    } catch (err) {
      if (!(err instanceof WechatApiError)) throw err;
      this.logger.warn('[content] msg_sec_check unavailable, holding the report for review: %s', err.detail);
      return { suggest: 'review', traceId: null };
    }
  }

  /**
   * Records the text verdict and one pending check per photo, then asks WeChat to check each photo
   * (a failed request leaves that photo under review). Every row exists before the first request,
   * so an early verdict can never find the case "complete" while photos are still missing.
   */
  async startChecks(caseId: string, input: { openid: string; text: TextVerdict; fileIds: string[] }): Promise<void> {
    const textRow = this.checks.create({
      id: randomUUID(),
      caseId,
      fileId: TEXT_CHECK_FILE_ID,
      traceId: input.text.traceId ?? `local-${randomUUID()}`,
      status: input.text.suggest,
      label: null,
    });
    const photoRows = input.fileIds.map((fileId) => {
      const id = randomUUID();
      // Placeholder until WeChat names the trace; unique like the real ones.
      return this.checks.create({ id, caseId, fileId, traceId: `local-${id}`, status: 'pending', label: null });
    });
    await this.dataSource.transaction((m) => m.save(CaseContentCheck, [textRow, ...photoRows]));

    for (const row of photoRows) {
      try {
        const mediaUrl = `${this.baseUrl.get()}${this.links.url(row.fileId)}`;
        const { traceId } = await this.wechat.mediaCheckAsync({ openid: input.openid, mediaUrl, scene: SCENE });
        await this.checks.update({ id: row.id }, { traceId });
      } catch (err) {
        if (!(err instanceof WechatApiError)) throw err;
        this.logger.warn(
          '[content] media_check_async failed for case %s, photo held for review: %s',
          caseId,
          err.detail,
        );
        await this.checks.update({ id: row.id }, { status: 'review' });
      }
    }
    await this.settle(caseId);
  }

  /**
   * A `wxa_media_check` verdict. Idempotent: a repeated push changes nothing. Returns false for a
   * trace we do not know (yet): the push callback then asks WeChat to retry, which covers a verdict
   * that overtakes the request that started the check.
   */
  async onMediaResult(traceId: string, suggest: string, label: string | null): Promise<boolean> {
    const row = await this.checks.findOne({ where: { traceId } });
    if (!row) return false;
    if (row.status === 'pending') {
      // Anything but a clear pass or risky (incl. a failed download) goes to a human.
      const status: ContentSuggest = parseSuggest(suggest) ?? 'review';
      await this.checks.update({ id: row.id, status: 'pending' }, { status, label: label?.slice(0, 16) ?? null });
    }
    await this.settle(row.caseId);
    return true;
  }

  /** Applies the combined verdict, one decision per case at a time. */
  private async settle(caseId: string): Promise<void> {
    await this.infra.infra.lock.withLock(`case:content:${caseId}`, 10_000, 10_000, async () => {
      const [rows, record] = await Promise.all([
        this.checks.find({ where: { caseId } }),
        this.dataSource
          .getRepository(CaseRecord)
          .findOne({ where: { id: caseId }, select: { id: true, status: true } }),
      ]);
      if (record) await this.decider.decide(record, rows);
    });
  }
}
