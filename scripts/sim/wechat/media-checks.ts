// The asynchronous half of media_check_async: after a delay, download the media, decide, and push
// a `wxa_media_check` event to the configured message-push URL.
import { createHash } from 'node:crypto';
import { mediaVerdict, verdictDetail, WxLabel, type Verdict } from './content-verdict';
import { deliverPush, originalId } from './push';
import type { JsonObject, MediaCheckRecord, PushTarget, Suggest } from './types';

/** mediaCheckAsync's documented file limit. */
export const MEDIA_MAX_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 5000;
/**
 * v1's push documented status_code -1008 ("链接无法下载"); v2 documents none, so the simulator
 * reports a failed download with that errcode in `detail` and `suggest: 'review'`, which a careful
 * receiver treats as "hold for a human" rather than as a pass.
 */
export const DOWNLOAD_FAILED_ERRCODE = -1008;

export interface MediaJob {
  traceId: string;
  appid: string;
  openid: string;
  mediaUrl: string;
  scene: number;
}

export interface MediaQueueDeps {
  now: () => number;
  delayMs: number;
  retryDelayMs: number;
  pushTarget: () => PushTarget | null;
  verdictFor: (sha256: string) => Suggest | undefined;
}

async function download(url: string): Promise<Buffer> {
  const res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > MEDIA_MAX_BYTES) throw new Error('larger than 10 MB');
  return bytes;
}

export class MediaCheckQueue {
  private readonly records = new Map<string, MediaCheckRecord>();
  private readonly running = new Set<Promise<void>>();
  private readonly sleepers = new Map<NodeJS.Timeout, () => void>();
  private closed = false;

  constructor(private readonly deps: MediaQueueDeps) {}

  enqueue(job: MediaJob): void {
    const record: MediaCheckRecord = {
      ...job,
      status: 'queued',
      suggest: null,
      label: null,
      fetchError: null,
      pushAttempts: 0,
    };
    this.records.set(job.traceId, record);
    const run = this.run(record).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  list(): MediaCheckRecord[] {
    return [...this.records.values()].map((record) => ({ ...record }));
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** Forgets finished records (jobs in flight still complete). */
  clear(): void {
    this.records.clear();
  }

  /** Stops waiting jobs; their pushes never happen (the simulator is going away). */
  close(): void {
    this.closed = true;
    for (const [timer, wake] of this.sleepers) {
      clearTimeout(timer);
      wake();
    }
    this.sleepers.clear();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleepers.delete(timer);
        resolve();
      }, ms);
      this.sleepers.set(timer, resolve);
    });
  }

  private async decide(record: MediaCheckRecord): Promise<{ verdict: Verdict; detail: JsonObject[] }> {
    try {
      const bytes = await download(record.mediaUrl);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const verdict = mediaVerdict(bytes, this.deps.verdictFor(sha256));
      return { verdict, detail: verdictDetail(verdict, false) };
    } catch (err) {
      record.fetchError = err instanceof Error ? err.message : String(err);
      return {
        verdict: { suggest: 'review', label: WxLabel.NORMAL },
        detail: [{ strategy: 'content_model', errcode: DOWNLOAD_FAILED_ERRCODE }],
      };
    }
  }

  private async run(record: MediaCheckRecord): Promise<void> {
    await this.sleep(this.deps.delayMs);
    if (this.closed) return;
    const { verdict, detail } = await this.decide(record);
    record.suggest = verdict.suggest;
    record.label = verdict.label;
    const target = this.deps.pushTarget();
    if (this.closed) return;
    if (!target) {
      record.status = 'no_push_target';
      return;
    }
    const now = this.deps.now();
    const event = {
      ToUserName: originalId(record.appid),
      FromUserName: record.openid,
      CreateTime: Math.floor(now / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: record.appid,
      trace_id: record.traceId,
      version: 2,
      detail,
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: verdict.suggest, label: verdict.label },
    };
    const outcome = await deliverPush(target, record.appid, event, {
      nowMs: now,
      retryDelayMs: this.deps.retryDelayMs,
      sleep: (ms) => (this.closed ? Promise.resolve() : this.sleep(ms)),
    });
    record.pushAttempts = outcome.attempts;
    record.status = outcome.delivered ? 'pushed' : 'push_failed';
  }
}
