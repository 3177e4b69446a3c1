import type { ILogger } from '@midwayjs/core';
import type { DataSource, EntityManager } from 'typeorm';
import type { ImportJobVO } from '@zhili/shared';
import type { RowErrors } from './cell-values';
import type { ImportJobStore } from './import-job.store';

/** Share of the progress bar for checking the rows when the file is then written (the rest: writing). */
const CHECK_SHARE = 0.8;
/** Progress is saved to the shared cache at most this often. */
const SAVE_INTERVAL_MS = 250;

/** What every importer's job carries (registry persons and households, party members…). */
export type ImportJobBase = Omit<ImportJobVO, 'kind'>;

/** A checked file: its problems, the rows it would write, and how to write them in a transaction. */
export interface CheckedImport {
  errors: RowErrors;
  rows: number;
  write(tx: EntityManager): Promise<Record<string, number>>;
}

/** One importer's part in a job: checking the rows, its audit record, its word for a conflict. */
export interface ImportJobSteps {
  /** Checks every row (nothing written), reporting rows processed so far. */
  check(onProgress: (processed: number) => Promise<void>): Promise<CheckedImport>;
  /** The audit record of a committed (or refused) import: counts only. */
  record(result: 'success' | 'failure', counts: Record<string, number>): Promise<void>;
  /** The message when writing failed because the data changed since the check; null otherwise. */
  conflictMessage(err: unknown): string | null;
  /** For the logs: `registry import`, `party member import`. */
  label: string;
}

export interface ImportJobDeps {
  dataSource: DataSource;
  jobs: ImportJobStore;
  logger: ILogger;
}

/** A new job of `kind` for an upload of `totalRows` rows. */
export function newImportJob<K extends string>(
  id: string,
  kind: K,
  upload: { dryRun: boolean; fileName: string },
  totalRows: number,
): ImportJobBase & { kind: K } {
  return {
    id,
    kind,
    dryRun: upload.dryRun,
    status: 'queued',
    progress: 0,
    totalRows,
    processedRows: 0,
    importedRows: 0,
    errors: [],
    errorCount: 0,
    message: null,
    fileName: upload.fileName.slice(0, 255),
    createdAt: new Date().toISOString(),
  };
}

async function finish<J extends ImportJobBase>(
  deps: ImportJobDeps,
  job: J,
  checked: CheckedImport,
  steps: ImportJobSteps,
): Promise<void> {
  job.processedRows = checked.rows;
  job.errors = [...checked.errors.list].sort((a, b) => a.row - b.row);
  job.errorCount = checked.errors.count;
  if (checked.errors.count > 0) {
    // IMPORT_HAS_ERRORS: all-or-nothing, so one bad row keeps the whole file out.
    job.status = 'failed';
    job.message = job.dryRun
      ? `发现 ${checked.errors.count} 处错误，请修改后再导入`
      : `导入数据有错误（${checked.errors.count} 处），未写入任何数据`;
    if (!job.dryRun) await steps.record('failure', { errorCount: checked.errors.count });
    return;
  }
  if (job.dryRun) {
    job.status = 'succeeded';
    job.importedRows = checked.rows;
    job.message = `检查通过，共 ${checked.rows} 行可导入`;
    return;
  }
  const counts = await deps.dataSource.transaction((tx) => checked.write(tx));
  job.status = 'succeeded';
  job.importedRows = checked.rows;
  job.message = `已导入 ${checked.rows} 行`;
  try {
    await steps.record('success', counts);
  } catch (err) {
    // The rows are committed: the job must not claim otherwise. The missing record is logged loudly.
    deps.logger.error(
      '%s %s committed but its audit record failed: %s',
      steps.label,
      job.id,
      (err as Error).stack ?? err,
    );
  }
}

/**
 * Runs a queued job in the background of this process: check, then (unless a dry run) write every
 * row in one transaction or nothing, with progress in the shared job store for polling from any node.
 */
export function runImportJobLater<J extends ImportJobBase>(
  deps: ImportJobDeps,
  ownerId: string,
  job: J,
  steps: ImportJobSteps,
): void {
  const run = async () => {
    const share = job.dryRun ? 1 : CHECK_SHARE;
    let lastSave = 0;
    try {
      job.status = 'running';
      await deps.jobs.save(ownerId, job);
      const checked = await steps.check(async (processed) => {
        job.processedRows = processed;
        job.progress = Math.min(99, Math.floor((processed / job.totalRows) * 100 * share));
        if (Date.now() - lastSave >= SAVE_INTERVAL_MS) {
          lastSave = Date.now();
          await deps.jobs.save(ownerId, job);
        }
        // Let polls and other requests through between chunks of a large file.
        await new Promise<void>((resolve) => setImmediate(resolve));
      });
      await finish(deps, job, checked, steps);
    } catch (err) {
      deps.logger.error('%s %s failed: %s', steps.label, job.id, (err as Error).stack ?? err);
      job.status = 'failed';
      job.importedRows = 0;
      job.message = steps.conflictMessage(err) ?? '导入失败，未写入任何数据，请稍后重试';
    }
    job.progress = 100;
    await deps.jobs.save(ownerId, job);
  };
  setImmediate(() => {
    run().catch((err: Error) =>
      deps.logger.error('%s %s: could not save its state: %s', steps.label, job.id, err.stack ?? err),
    );
  });
}
