import type { StudyHeartbeatBody, StudyHeartbeatResultVO } from '@zhili/shared/client';
import { formatMmSs, formatStudyTime, HeartbeatSender } from './heartbeat';

const answer = (nextSeq: number): StudyHeartbeatResultVO => ({
  creditedMs: 0,
  completedNow: false,
  pointsAwarded: null,
  reason: null,
  progress: {
    lessonId: 'L1',
    kind: 'video',
    requiredMs: 54_000,
    creditedMs: 0,
    furthestMs: 0,
    position: 0,
    permille: 0,
    remainingMs: 54_000,
    completed: false,
    completedAt: null,
    nextSeq,
    heartbeatIntervalMs: 15_000,
  },
});

describe('HeartbeatSender', () => {
  it('sends in order with the sequence numbers the server hands out, one request at a time', async () => {
    const sent: StudyHeartbeatBody[] = [];
    let open = 0;
    let maxOpen = 0;
    const send = async (body: StudyHeartbeatBody) => {
      sent.push(body);
      maxOpen = Math.max(maxOpen, ++open);
      await new Promise((r) => setTimeout(r, 5));
      open -= 1;
      return answer(body.seq + 1);
    };
    const results: StudyHeartbeatResultVO[] = [];
    const sender = new HeartbeatSender({ nextSeq: 7 }, send, { onResult: (r) => results.push(r), onError: () => {} });
    await sender.push('start', () => 0);
    void sender.push('beat', () => 1500.4);
    await sender.push('stop', () => 3000); // a stop waits for its turn, never dropped
    expect(sent).toEqual([
      { kind: 'start', seq: 7, position: 0 },
      { kind: 'beat', seq: 8, position: 1500 },
      { kind: 'stop', seq: 9, position: 3000 },
    ]);
    expect(maxOpen).toBe(1);
    expect(results).toHaveLength(3);
  });

  it('drops a beat while one is in flight, and never reuses a number whose answer was lost', async () => {
    const sent: StudyHeartbeatBody[] = [];
    let fail = true;
    const send = async (body: StudyHeartbeatBody) => {
      sent.push(body);
      await new Promise((r) => setTimeout(r, 5));
      if (fail) {
        fail = false;
        throw new Error('offline');
      }
      return answer(body.seq + 1);
    };
    const errors: unknown[] = [];
    const sender = new HeartbeatSender({ nextSeq: 1 }, send, { onResult: () => {}, onError: (e) => errors.push(e) });
    const first = sender.push('beat', () => 0);
    void sender.push('beat', () => 1); // in flight: dropped
    await first;
    await sender.push('beat', () => 2);
    expect(sent.map((b) => [b.seq, b.position])).toEqual([
      [1, 0],
      [2, 2],
    ]);
    expect(errors).toHaveLength(1);
  });
});

describe('time formats', () => {
  it.each([
    [0, '00:00'],
    [999, '00:01'],
    [65_000, '01:05'],
    [600_000, '10:00'],
  ])('formatMmSs(%i) = %s', (ms, text) => expect(formatMmSs(ms)).toBe(text));

  it.each([
    [0, '0 秒'],
    [30_500, '30 秒'],
    [12 * 60_000, '12 分钟'],
    [60 * 60_000, '1 小时'],
    [65 * 60_000, '1 小时 5 分钟'],
  ])('formatStudyTime(%i) = %s', (ms, text) => expect(formatStudyTime(ms)).toBe(text));
});
