import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import type { ImportJobVO, ImportKind } from '@zhili/shared';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { scopePrefix } from '../../../core/scope/data-scope';
import { AppError } from '../../../core/errors/app-error';
import { AuditActorService } from '../../../core/audit';
import type { Acting } from '../../../core/audit';
import { householdColumns, personColumns } from './columns';
import type { HouseholdColumnKey, PersonColumnKey } from './columns';
import { ImportJobStore } from './import-job.store';
import { ImportConflict, planHouseholds, planPersons } from './import-plans';
import type { PlanEnv, WriteCounts } from './import-plans';
import { newImportJob, runImportJobLater } from './import-job-runner';
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
    const job: ImportJobVO = newImportJob(randomUUID(), upload.kind, upload, sheet.rows.length);
    await this.jobs.save(acting.actor.id, job);
    runImportJobLater({ dataSource: this.dataSource, jobs: this.jobs, logger: this.logger }, acting.actor.id, job, {
      label: 'registry import',
      check: async (onProgress) => {
        const env: PlanEnv = {
          db: this.dataSource.manager,
          cipher: this.cipher,
          scopePrefix: scopePrefix(acting.actor),
          today: new Date(),
          onProgress,
        };
        return sheet.kind === 'persons' ? planPersons(sheet.rows, env) : planHouseholds(sheet.rows, env);
      },
      record: (result, counts) => this.record(acting, job, result, counts),
      conflictMessage: (err) =>
        err instanceof ImportConflict
          ? '导入期间数据已被他人修改（身份证号或户编号已登记），未写入任何数据，请重新试导入'
          : null,
    });
    return job;
  }

  /** The import template of `kind`, its example rows placed in a region of the caller's scope. */
  async template(acting: Acting, kind: ImportKind): Promise<Buffer> {
    const region = exampleRegionPath(await loadRegions(this.dataSource.manager), scopePrefix(acting.actor));
    return buildTemplate(kind, region);
  }

  async get(acting: Acting, id: string): Promise<ImportJobVO> {
    const job = await this.jobs.get<ImportJobVO>(acting.actor.id, id);
    // The store is shared with other modules' importers (party members): their jobs are not ours.
    if (job.kind !== 'persons' && job.kind !== 'households') throw new AppError('NOT_FOUND', '导入任务不存在或已过期');
    return job;
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
