import { ILogger, Inject, Logger, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import { InjectDataSource } from '@midwayjs/typeorm';
import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { partyImportLimits } from '@zhili/shared';
import type { PartyImportJobVO } from '@zhili/shared';
import { Acting, AuditActorService } from '../../../core/audit';
import { PiiCipher } from '../../../core/crypto/pii-cipher';
import { AppError } from '../../../core/errors/app-error';
import {
  ImportJobStore,
  loadSheetGrid,
  newImportJob,
  readSheet,
  runImportJobLater,
  todayInShanghai,
  writeTemplate,
} from '../../registry';
import { PartyActors } from '../party-actors';
import { PartyScopeService } from '../scope/party-scope.service';
import { memberColumns } from './member-import-columns';
import { MemberImportConflict, planMemberImport, writeMemberImport } from './member-import-plan';

export interface MemberUpload {
  dryRun: boolean;
  fileName: string;
  buffer: Buffer;
}

/**
 * Excel import of member files on the registry's engine: the same parse worker, sheet and row
 * readers, job runner and job store (progress polled from any node), the same all-or-nothing rule.
 * A dry run only checks; a commit checks again and writes every row in one transaction, or nothing.
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

  /** Reads the file, queues the job and answers it; the work continues after this returns. */
  async start(acting: Acting, upload: MemberUpload): Promise<PartyImportJobVO> {
    const rows = readSheet(await loadSheetGrid(upload.buffer), memberColumns);
    if (rows.length > partyImportLimits.rows.max)
      throw new AppError('IMPORT_FILE_INVALID', `单个文件最多 ${partyImportLimits.rows.max} 行，请拆分后再导入`);
    const job: PartyImportJobVO = newImportJob(randomUUID(), 'party_members', upload, rows.length);
    const today = todayInShanghai(new Date());
    await this.jobs.save(acting.actor.id, job);
    runImportJobLater({ dataSource: this.dataSource, jobs: this.jobs, logger: this.logger }, acting.actor.id, job, {
      label: 'party member import',
      check: async (onProgress) => {
        const plan = await planMemberImport(rows, {
          db: this.dataSource.manager,
          cipher: this.cipher,
          principal: acting.actor,
          scope: await this.scopes.scopeOf(acting.actor),
          today,
          onProgress,
        });
        const actor = { id: acting.actor.id, name: await this.actors.nameOf(acting.actor) };
        return {
          errors: plan.errors,
          rows: plan.drafts.length,
          write: (tx) => writeMemberImport(tx, plan.drafts, this.cipher, actor, today),
        };
      },
      record: (result, counts) =>
        this.audit.record(acting, {
          action: 'party.member.import',
          resourceType: 'party_member',
          resourceId: job.id,
          result,
          // Counts only, never names or numbers.
          detail: { rows: job.totalRows, ...counts },
        }),
      conflictMessage: (err) =>
        err instanceof MemberImportConflict ? '导入期间有居民已被他人建档，未写入任何数据，请重新试导入' : null,
    });
    return job;
  }

  async get(acting: Acting, id: string): Promise<PartyImportJobVO> {
    const job = await this.jobs.get<PartyImportJobVO>(acting.actor.id, id);
    // The store is shared with the registry's importer: its jobs are not this route's.
    if (job.kind !== 'party_members') throw new AppError('NOT_FOUND', '导入任务不存在或已过期');
    return job;
  }
}
