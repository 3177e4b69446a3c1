import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { partyImportLimits } from '@zhili/shared';
import type { PartyImportJobVO } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { AppError } from '../../../core/errors/app-error';
import { ImportJobStore, loadSheetGrid, readSheet, todayInShanghai, writeTemplate } from '../../registry';
import type { SheetRow } from '../../registry';
import { PartyActors } from '../party-actors';
import { PartyScopeService } from '../scope/party-scope.service';
import { memberColumns, type MemberColumnKey } from './member-import-columns';
import { MemberImportConflict, planMemberImport, writeMemberImport } from './member-import-plan';
import type { MemberPlan } from './member-import-plan';

export interface MemberUpload {
  dryRun: boolean;
  fileName: string;
  buffer: Buffer;
}

/** Share of the progress bar for checking when the file is then written. */
const CHECK_SHARE = 0.8;
const SAVE_INTERVAL_MS = 250;

/**
 * Excel import of member files on the registry's engine: the same parse worker, sheet reader, row
 * reader and job store (progress polled from any node), the same all-or-nothing rule. A dry run
 * only checks; a commit checks again and writes every row in one transaction, or nothing.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class MemberImportService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private jobs!: ImportJobStore;

  @Inject()
  private scopes!: PartyScopeService;

  @Inject()
  private actors!: PartyActors;

  @Inject()
  private audit!: AuditActorService;

  @Logger()
  private logger!: ILogger;

  template(): Promise<Buffer> {
    return writeTemplate('党员', memberColumns, null, {
      maxRows: partyImportLimits.rows.max,
      maxBytes: partyImportLimits.bytes.max,
    });
  }

  async start(acting: Acting, upload: MemberUpload): Promise<PartyImportJobVO> {
    const rows = readSheet(await loadSheetGrid(upload.buffer), memberColumns);
    if (rows.length > partyImportLimits.rows.max)
      throw new AppError('IMPORT_FILE_INVALID', `单个文件最多 ${partyImportLimits.rows.max} 行，请拆分后再导入`);
    const job: PartyImportJobVO = {
      id: randomUUID(),
      kind: 'party_members',
      dryRun: upload.dryRun,
      status: 'queued',
      progress: 0,
      totalRows: rows.length,
      processedRows: 0,
      importedRows: 0,
      errors: [],
      errorCount: 0,
      message: null,
      fileName: upload.fileName.slice(0, 255),
      createdAt: new Date().toISOString(),
    };
    await this.jobs.save(acting.actor.id, job);
    setImmediate(() => {
      this.run(acting, job, rows).catch((err: Error) =>
        this.logger.error('party member import %s: could not save its state: %s', job.id, err.stack ?? err),
      );
    });
    return job;
  }

  async get(acting: Acting, id: string): Promise<PartyImportJobVO> {
    const job = await this.jobs.get<PartyImportJobVO>(acting.actor.id, id);
    // The store is shared with the registry's importer: its jobs are not this route's.
    if (job.kind !== 'party_members') throw new AppError('NOT_FOUND', '导入任务不存在或已过期');
    return job;
  }

  private async run(acting: Acting, job: PartyImportJobVO, rows: SheetRow<MemberColumnKey>[]): Promise<void> {
    const owner = acting.actor.id;
    const share = job.dryRun ? 1 : CHECK_SHARE;
    const today = todayInShanghai(new Date());
    let lastSave = 0;
    try {
      job.status = 'running';
      await this.jobs.save(owner, job);
      const plan = await planMemberImport(rows, {
        db: this.dataSource.manager,
        cipher: this.cipher,
        principal: acting.actor,
        scope: await this.scopes.scopeOf(acting.actor),
        today,
        onProgress: async (processed) => {
          job.processedRows = processed;
          job.progress = Math.min(99, Math.floor((processed / job.totalRows) * 100 * share));
          if (Date.now() - lastSave >= SAVE_INTERVAL_MS) {
            lastSave = Date.now();
            await this.jobs.save(owner, job);
          }
          await new Promise<void>((resolve) => setImmediate(resolve));
        },
      });
      await this.finish(acting, job, plan, today);
    } catch (err) {
      this.logger.error('party member import %s failed: %s', job.id, (err as Error).stack ?? err);
      job.status = 'failed';
      job.importedRows = 0;
      job.message =
        err instanceof MemberImportConflict
          ? '导入期间有居民已被他人建档，未写入任何数据，请重新试导入'
          : '导入失败，未写入任何数据，请稍后重试';
    }
    job.progress = 100;
    await this.jobs.save(owner, job);
  }

  private async finish(acting: Acting, job: PartyImportJobVO, plan: MemberPlan, today: string): Promise<void> {
    job.processedRows = job.totalRows;
    job.errors = [...plan.errors.list].sort((a, b) => a.row - b.row);
    job.errorCount = plan.errors.count;
    if (plan.errors.count > 0) {
      job.status = 'failed';
      job.message = job.dryRun
        ? `发现 ${plan.errors.count} 处错误，请修改后再导入`
        : `导入数据有错误（${plan.errors.count} 处），未写入任何数据`;
      if (!job.dryRun) await this.record(acting, job, 'failure', { errorCount: plan.errors.count });
      return;
    }
    if (job.dryRun) {
      job.status = 'succeeded';
      job.importedRows = plan.drafts.length;
      job.message = `检查通过，共 ${plan.drafts.length} 行可导入`;
      return;
    }
    const actor = { id: acting.actor.id, name: await this.actors.nameOf(acting.actor) };
    const counts = await this.dataSource.transaction((tx) =>
      writeMemberImport(tx, plan.drafts, this.cipher, actor, today),
    );
    job.status = 'succeeded';
    job.importedRows = plan.drafts.length;
    job.message = `已导入 ${plan.drafts.length} 名党员`;
    try {
      await this.record(acting, job, 'success', counts);
    } catch (err) {
      this.logger.error(
        'party member import %s committed but its audit record failed: %s',
        job.id,
        (err as Error).stack ?? err,
      );
    }
  }

  /** One audit record per committed (or refused) import: counts only, never names or numbers. */
  private async record(
    acting: Acting,
    job: PartyImportJobVO,
    result: 'success' | 'failure',
    counts: Record<string, number>,
  ): Promise<void> {
    await this.audit.record(acting, {
      action: 'party.member.import',
      resourceType: 'party_member',
      resourceId: job.id,
      result,
      detail: { rows: job.totalRows, ...counts },
    });
  }
}
