import { computed, onBeforeUnmount, ref, shallowRef } from 'vue';
import type { ImportJobVO } from '@zhili/shared';
import { errorText } from '@/ui/form-errors';

const POLL_MS = 600;

/** What the import screens read of a job: every importer's job (registry, party members) has it. */
export type ImportJobLike = Pick<
  ImportJobVO,
  | 'id'
  | 'status'
  | 'progress'
  | 'errors'
  | 'errorCount'
  | 'fileName'
  | 'totalRows'
  | 'processedRows'
  | 'importedRows'
  | 'message'
>;

/** Starts an import job of one importer and reads it back (`GET …/imports/:id`). */
export interface ImportClient<J extends ImportJobLike> {
  start(file: File, dryRun: boolean): Promise<J>;
  job(id: string): Promise<J>;
}

/** True once the job will not change any more. */
export function isFinished(job: ImportJobLike | null): boolean {
  return job !== null && (job.status === 'succeeded' || job.status === 'failed');
}

/** Row errors of a finished job (a dry run or commit reporting any row problem writes nothing). */
export function hasRowErrors(job: ImportJobLike | null): boolean {
  return job !== null && (job.errors.length > 0 || job.errorCount > 0);
}

/**
 * Runs one import job (dry run or commit) through `client` and polls the job for its progress
 * until it finishes. Polling stops when the page is left.
 */
export function useImportJob<J extends ImportJobLike>(client: ImportClient<J>) {
  const job = shallowRef<J | null>(null);
  const running = ref(false);
  const error = ref('');
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  function stop(): void {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  async function poll(id: string, resolve: () => void): Promise<void> {
    if (disposed) return resolve();
    try {
      job.value = await client.job(id);
    } catch (err) {
      error.value = errorText(err, '导入进度查询失败');
      running.value = false;
      return resolve();
    }
    if (isFinished(job.value)) {
      running.value = false;
      return resolve();
    }
    timer = setTimeout(() => void poll(id, resolve), POLL_MS);
  }

  /** Uploads the file and resolves when the job has finished (or failed to start). */
  async function run(file: File, dryRun: boolean): Promise<J | null> {
    stop();
    error.value = '';
    job.value = null;
    running.value = true;
    try {
      job.value = await client.start(file, dryRun);
    } catch (err) {
      error.value = errorText(err, '文件上传失败');
      running.value = false;
      return null;
    }
    if (!isFinished(job.value)) await new Promise<void>((resolve) => void poll(job.value?.id ?? '', resolve));
    else running.value = false;
    return job.value;
  }

  function reset(): void {
    stop();
    job.value = null;
    error.value = '';
    running.value = false;
  }

  onBeforeUnmount(() => {
    disposed = true;
    stop();
  });

  return { job, running, error, run, reset };
}

export type ImportRun<J extends ImportJobLike> = ReturnType<typeof useImportJob<J>>;

/**
 * The state of an import screen: a dry run (预检) then a commit of the same file, the step the
 * wizard is at (0 选择文件 → 1 预检 → 2 确认导入 → 3 完成), the job whose progress shows.
 */
export function useImportWizard<J extends ImportJobLike>(client: ImportClient<J>) {
  /** The chosen .xlsx; choosing another (or none) starts over. */
  const file = shallowRef<File | null>(null);
  const dryRun = useImportJob<J>(client);
  const commit = useImportJob<J>(client);
  const checked = computed(() => (isFinished(dryRun.job.value) ? dryRun.job.value : null));
  const checkPassed = computed(() => checked.value?.status === 'succeeded' && !hasRowErrors(checked.value));
  const committed = computed(() => commit.job.value);
  const step = computed(() => {
    if (committed.value && isFinished(committed.value)) return 3;
    if (checked.value) return checkPassed.value ? 2 : 1;
    return file.value ? 1 : 0;
  });
  const activeJob = computed(() => (commit.running.value ? commit.job.value : dryRun.job.value));
  const busy = computed(() => dryRun.running.value || commit.running.value);
  function reset(): void {
    dryRun.reset();
    commit.reset();
  }
  function setFile(next: File | null): void {
    file.value = next;
    reset();
  }
  return { file, dryRun, commit, checked, checkPassed, committed, step, activeJob, busy, reset, setFile };
}

export type ImportWizard<J extends ImportJobLike> = ReturnType<typeof useImportWizard<J>>;
