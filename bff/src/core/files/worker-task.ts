import { extname } from 'path';
import { Worker } from 'worker_threads';
import type { ErrorCode } from '@zhili/shared';
import { AppError } from '../errors/app-error';

/**
 * Runs a parser of untrusted files in a worker thread, so neither its CPU time nor its memory can
 * stall or bloat the process that answers requests: the worker gets a V8 heap limit
 * (`resourceLimits`), a wall-clock timeout, and at most {@link MAX_PARALLEL} run at once (the
 * others wait their turn). A worker script answers with one {@link WorkerReply}.
 */
export interface WorkerLimits {
  /** V8 old-generation heap of the worker; exceeding it ends the worker (ERR_WORKER_OUT_OF_MEMORY). */
  maxOldGenerationSizeMb: number;
  /** The worker is terminated after this long. */
  timeoutMs: number;
}

/** What a worker script posts: its result, or a refusal to answer as a 4xx. */
export type WorkerReply<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string };

/** Workers at once: one per core of the 2-core deployment target; each may use its heap limit. */
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/**
 * Under ts-jest and tsx the sources are .ts files, which a bare worker cannot load: it then gets
 * tsx's CommonJS hook. The built BFF (dist/*.js) needs nothing.
 */
const execArgvFor = (file: string) => (extname(file) === '.ts' ? ['--require', 'tsx/cjs'] : []);

/**
 * Runs `file` with `data` as its workerData. Resolves with its value; rejects with the AppError it
 * asked for, or FILE_TOO_COMPLEX (`tooComplex` as the message) when it ran out of memory or time.
 */
export async function runWorkerTask<T>(
  file: string,
  data: unknown,
  limits: WorkerLimits,
  tooComplex: string,
): Promise<T> {
  const release = await slot();
  try {
    return await new Promise<T>((resolve, reject) => {
      const worker = new Worker(file, {
        workerData: data,
        execArgv: execArgvFor(file),
        resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32 },
        stdout: false,
        stderr: false,
      });
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(
        () => settle(() => reject(new AppError('FILE_TOO_COMPLEX', tooComplex))),
        limits.timeoutMs,
      );
      worker.once('message', (reply: WorkerReply<T>) =>
        settle(() => (reply.ok ? resolve(reply.value) : reject(new AppError(reply.code, reply.message)))),
      );
      worker.once('error', (err: Error & { code?: string }) =>
        // Out of memory is the file's fault (4xx); anything else is ours and stays a 500.
        settle(() =>
          reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('FILE_TOO_COMPLEX', tooComplex) : err),
        ),
      );
      worker.once('exit', (code) =>
        settle(() => reject(new Error(`worker ${file} exited with ${code} before answering`))),
      );
    });
  } finally {
    release();
  }
}
