import type { LessonProgressVO, StudyHeartbeatBody, StudyHeartbeatResultVO } from '@zhili/shared/client';

type Kind = StudyHeartbeatBody['kind'];

export interface HeartbeatEvents {
  /** Every answer: the new progress, and the server's reason when it credited nothing or less. */
  onResult: (result: StudyHeartbeatResultVO) => void;
  /** A request failed (offline, server error): the player keeps going and tries at the next beat. */
  onError: (error: unknown) => void;
}

/**
 * The client side of honest progress: heartbeats of one lesson, one request at a time and in order,
 * each with the sequence number the server handed out last (`nextSeq`). The client never measures
 * time itself — it only says "start", "still here" and "stop"; the server credits what the clock
 * allows. A beat that arrives while one is in flight is dropped (the next one carries the time), a
 * start or stop waits for its turn.
 */
export class HeartbeatSender {
  private seq: number;
  private chain: Promise<void> = Promise.resolve();
  /** Heartbeats queued or in flight. */
  private pending = 0;

  constructor(
    progress: Pick<LessonProgressVO, 'nextSeq'>,
    private readonly send: (body: StudyHeartbeatBody) => Promise<StudyHeartbeatResultVO>,
    private readonly events: HeartbeatEvents,
  ) {
    this.seq = progress.nextSeq;
  }

  /** Queues a heartbeat; `position()` is read when it is sent (ms into the video, or the reader's place). */
  push(kind: Kind, position: () => number): Promise<void> {
    if (kind === 'beat' && this.pending > 0) return this.chain;
    this.pending += 1;
    this.chain = this.chain.then(() => this.deliver(kind, Math.max(0, Math.round(position()))));
    return this.chain;
  }

  private async deliver(kind: Kind, position: number): Promise<void> {
    try {
      const result = await this.send({ kind, seq: this.seq, position });
      this.seq = Math.max(this.seq + 1, result.progress.nextSeq);
      this.events.onResult(result);
    } catch (error) {
      // The number may have been used (the answer was lost): never send it again.
      this.seq += 1;
      this.events.onError(error);
    } finally {
      this.pending -= 1;
    }
  }
}

/** "mm:ss" of a duration, for "还需阅读 03:20" and the seek message. */
export function formatMmSs(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

/** Study time as people say it: "1 小时 5 分钟", "12 分钟", "40 秒". */
export function formatStudyTime(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.floor(Math.max(0, ms) / 1000)} 秒`;
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} 小时${minutes % 60 ? ` ${minutes % 60} 分钟` : ''}` : `${minutes} 分钟`;
}
