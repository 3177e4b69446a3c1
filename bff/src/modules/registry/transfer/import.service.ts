import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import type { ImportJobVO, ImportKind } from '@zhili/shared';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { scopePrefix } from '../../../core/scope/data-scope';
import { AuditActorService } from '../../../core/audit';
import type { Acting } from '../../../core/audit';
import { householdColumns, personColumns } from './columns';
import type { HouseholdColumnKey, PersonColumnKey } from './columns';
import { ImportJobStore } from './import-job.store';
import { ImportConflict, planHouseholds, planPersons } from './import-plans';
import type { ImportPlan, PlanEnv, WriteCounts } from './import-plans';
import { loadRegions } from './import-lookups';
import { exampleRegionPath } from './region-lookup';
import { loadSheetGrid, readSheet } from './sheet-reader';
import { buildTemplate } from './template';
import type { SheetRow } from './sheet-reader';

export interface ImportUpload {
  kind: ImportKind;
  dryRun: boolean;
  fileName: string;
  buffer: Buffer;
}

type Rows =
  { kind: 'persons'; rows: SheetRow<PersonColumnKey>[] } | { kind: 'households'; rows: SheetRow<HouseholdColumnKey>[] };

/** Share of the progress bar for checking the rows when the file is then written (the rest: writing). */
const CHECK_SHARE = 0.8;
/** Progress is saved to the shared cache at most this often. */
const SAVE_INTERVAL_MS = 250;

/**
 * Excel imports of persons and households. The upload is read at once in a parse worker (an
 * unreadable or oversized file is refused in the request); checking and writing run in the background of this process while the
 * job's state sits in the shared cache for polling. A commit writes every row in one transaction
 * or nothing at all.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ImportService {
  @InjectDataSource()
  private dataSource!: DataSource;

  @Inject()
  private cipher!: PiiCipher;

  @Inject()
  private jobs!: ImportJobStore;

  @Inject()
  private audit!: AuditActorService;

  @Logger()
  private logger!: ILogger;

  /** Reads the file, queues the job and answers it; the work continues after this returns. */
  async start(acting: Acting, upload: ImportUpload): Promise<ImportJobVO> {
    const grid = await loadSheetGrid(upload.buffer);
    const sheet: Rows =
      upload.kind === 'persons'
        ? { kind: 'persons', rows: readSheet(grid, personColumns) }
        : { kind: 'households', rows: readSheet(grid, householdColumns) };
    const job: ImportJobVO = {
      id: randomUUID(),
      kind: upload.kind,
      dryRun: upload.dryRun,
      status: 'queued',
      progress: 0,
      totalRows: sheet.rows.length,
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
      this.run(acting, job, sheet).catch((err: Error) =>
        this.logger.error('registry import %s: could not save its state: %s', job.id, err.stack ?? err),
      );
    });
    return job;
  }

  /** The import template of `kind`, its example rows placed in a region of the caller's scope. */
  async template(acting: Acting, kind: ImportKind): Promise<Buffer> {
    const region = exampleRegionPath(await loadRegions(this.dataSource.manager), scopePrefix(acting.actor));
    return buildTemplate(kind, region);
  }

  async get(acting: Acting, id: string): Promise<ImportJobVO> {
    return this.jobs.get(acting.actor.id, id);
  }

  private async run(acting: Acting, job: ImportJobVO, sheet: Rows): Promise<void> {
    const owner = acting.actor.id;
    const share = job.dryRun ? 1 : CHECK_SHARE;
    let lastSave = 0;
    const env: PlanEnv = {
      db: this.dataSource.manager,
      cipher: this.cipher,
      scopePrefix: scopePrefix(acting.actor),
      today: new Date(),
      onProgress: async (processed) => {
        job.processedRows = processed;
        job.progress = Math.min(99, Math.floor((processed / job.totalRows) * 100 * share));
        if (Date.now() - lastSave >= SAVE_INTERVAL_MS) {
          lastSave = Date.now();
          await this.jobs.save(owner, job);
        }
        // Let polls and other requests through between chunks of a large file.
        await new Promise<void>((resolve) => setImmediate(resolve));
      },
    };
    try {
      job.status = 'running';
      await this.jobs.save(owner, job);
      const plan =
        sheet.kind === 'persons' ? await planPersons(sheet.rows, env) : await planHouseholds(sheet.rows, env);
      await this.finish(acting, job, plan);
    } catch (err) {
      this.logger.error('registry import %s failed: %s', job.id, (err as Error).stack ?? err);
      job.status = 'failed';
      job.importedRows = 0;
      job.message =
        err instanceof ImportConflict
          ? '导入期间数据已被他人修改（身份证号或户编号已登记），未写入任何数据，请重新试导入'
          : '导入失败，未写入任何数据，请稍后重试';
    }
    job.progress = 100;
    await this.jobs.save(owner, job);
  }

  private async finish(acting: Acting, job: ImportJobVO, plan: ImportPlan): Promise<void> {
    job.processedRows = plan.rows;
    job.errors = [...plan.errors.list].sort((a, b) => a.row - b.row);
    job.errorCount = plan.errors.count;
    if (plan.errors.count > 0) {
      // IMPORT_HAS_ERRORS: all-or-nothing, so one bad row keeps the whole file out.
      job.status = 'failed';
      job.message = job.dryRun
        ? `发现 ${plan.errors.count} 处错误，请修改后再导入`
        : `导入数据有错误（${plan.errors.count} 处），未写入任何数据`;
      if (!job.dryRun) await this.record(acting, job, 'failure', { errorCount: plan.errors.count });
      return;
    }
    if (job.dryRun) {
      job.status = 'succeeded';
      job.importedRows = plan.rows;
      job.message = `检查通过，共 ${plan.rows} 行可导入`;
      return;
    }
    const counts = await this.dataSource.transaction((tx) => plan.write(tx));
    job.status = 'succeeded';
    job.importedRows = plan.rows;
    job.message = `已导入 ${plan.rows} 行`;
    try {
      await this.record(acting, job, 'success', { ...counts });
    } catch (err) {
      // The rows are committed: the job must not claim otherwise. The missing record is logged loudly.
      this.logger.error(
        'registry import %s committed but its audit record failed: %s',
        job.id,
        (err as Error).stack ?? err,
      );
    }
  }

  /** One audit record per committed import: counts only, never names or numbers. */
  private async record(
    acting: Acting,
    job: ImportJobVO,
    result: 'success' | 'failure',
    counts: Partial<WriteCounts> & { errorCount?: number },
  ): Promise<void> {
    await this.audit.record(acting, {
      action: 'registry.import',
      resourceType: job.kind === 'persons' ? 'person' : 'household',
      resourceId: job.id,
      result,
      detail: { kind: job.kind, rows: job.totalRows, ...counts },
    });
  }
}
