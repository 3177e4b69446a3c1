import { Inject, Provide, Scope, ScopeEnum } from '@midwayjs/core';
import type { ImportJobVO } from '@zhili/shared';
import { InfraService } from '../../../core/infra/infra.service';
import { AppError } from '../../../core/errors/app-error';

/** Jobs live an hour after their last update: long enough to read the result, short for the cache. */
export const IMPORT_JOB_TTL_SEC = 3600;

interface StoredJob<J> {
  /** The staff user who started the job: nobody else may read it. */
  ownerId: string;
  job: J;
}

const keyOf = (id: string) => `registry:import:${id}`;

/**
 * Import job state in the shared Infra cache (Redis in production), so whichever BFF node a poll
 * reaches can answer it, while the job itself runs in the process that received the upload.
 */
@Provide()
@Scope(ScopeEnum.Singleton)
export class ImportJobStore {
  @Inject()
  private infraService!: InfraService;

  /** Saves a job of any importer (registry persons and households, party members…): ids are UUIDs. */
  async save<J extends { id: string } = ImportJobVO>(ownerId: string, job: J): Promise<void> {
    const stored: StoredJob<J> = { ownerId, job };
    await this.infraService.infra.cache.set(keyOf(job.id), JSON.stringify(stored), IMPORT_JOB_TTL_SEC);
  }

  /** The job if `ownerId` started it; NOT_FOUND otherwise (unknown, expired or someone else's). */
  async get<J = ImportJobVO>(ownerId: string, id: string): Promise<J> {
    const text = await this.infraService.infra.cache.get(keyOf(id));
    const stored = text ? (JSON.parse(text) as StoredJob<J>) : null;
    if (!stored || stored.ownerId !== ownerId) throw new AppError('NOT_FOUND', '导入任务不存在或已过期');
    return stored.job;
  }
}
