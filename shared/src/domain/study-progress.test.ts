import {
  acceptHeartbeat,
  defaultStudyRules,
  emptyLessonProgress,
  emptyStudySession,
  lessonProgressPermille,
  nextHeartbeatSeq,
  requiredStudyMs,
  studyMsByDay,
  type HeartbeatOutcome,
  type LessonProgress,
  type StudyHeartbeat,
  type StudyLesson,
  type StudySession,
  type StudyRules,
  type StudySpan,
} from './study-progress';

const S = 1000;
const T0 = Date.UTC(2026, 2, 2, 1, 0, 0); // 2026-03-02 09:00 Beijing
const video: StudyLesson = { id: 'v1', kind: 'video', durationMs: 100 * S }; // requires 90 s
const otherVideo: StudyLesson = { id: 'v2', kind: 'video', durationMs: 600 * S };
const article: StudyLesson = { id: 'a1', kind: 'article', minReadingMs: 60 * S };

/** Plays a sequence of heartbeats [server seconds after T0, kind, position in seconds] against one member. */
class Member {
  session: StudySession = emptyStudySession;
  progress = new Map<string, LessonProgress>();
  seq = new Map<string, number>();
  spans: StudySpan[] = [];

  send(lesson: StudyLesson, atS: number, kind: StudyHeartbeat['kind'], positionS = 0, seq?: number): HeartbeatOutcome {
    const progress = this.progress.get(lesson.id) ?? emptyLessonProgress;
    const useSeq = seq ?? nextHeartbeatSeq(progress);
    const out = acceptHeartbeat(
      { lesson, progress, session: this.session },
      { kind, seq: useSeq, position: positionS * S },
      T0 + atS * S,
    );
    this.progress.set(lesson.id, out.progress);
    this.session = out.session;
    if (out.span) this.spans.push(out.span);
    return out;
  }

  /** Watches honestly: start at `fromS`, a beat every 15 s for `beats` beats, positions following time. */
  watch(lesson: StudyLesson, fromS: number, beats: number, startPosS = 0): void {
    this.send(lesson, fromS, 'start', startPosS);
    for (let i = 1; i <= beats; i++) this.send(lesson, fromS + 15 * i, 'beat', startPosS + 15 * i);
  }

  credited(lesson: StudyLesson): number {
    return (this.progress.get(lesson.id) ?? emptyLessonProgress).creditedMs;
  }
}

describe('required time', () => {
  const short: StudyLesson = { id: 'x', kind: 'video', durationMs: 10_001 };
  const pdf: StudyLesson = { id: 'd', kind: 'document', minReadingMs: 300 * S };
  const rows: [string, StudyLesson, StudyRules, number][] = [
    ['a 100 s video at 90 %', video, defaultStudyRules, 90 * S],
    ['a 10.001 s video at 90 % (rounded up)', short, defaultStudyRules, 9001],
    ['a 100 s video at 100 %', video, { ...defaultStudyRules, videoRequiredPermille: 1000 }, 100 * S],
    ['an article of 60 s minimum', article, defaultStudyRules, 60 * S],
    ['a document of 5 min minimum', pdf, defaultStudyRules, 300 * S],
  ];
  it.each(rows)('%s needs the right time', (_label, lesson, rules, ms) => {
    expect(requiredStudyMs(lesson, rules)).toBe(ms);
  });
});

describe('honest study is credited at wall-clock speed', () => {
  it('a start credits nothing; each beat credits the server time since the previous one', () => {
    const m = new Member();
    expect(m.send(video, 0, 'start', 0).creditedMs).toBe(0);
    const out = m.send(video, 15, 'beat', 15);
    expect(out).toMatchObject({
      creditedMs: 15 * S,
      reason: null,
      span: { lessonId: 'v1', fromAt: T0, toAt: T0 + 15 * S },
    });
    expect(out.progress).toMatchObject({ creditedMs: 15 * S, furthestMs: 15 * S, position: 15 * S, lastSeq: 2 });
  });

  it('network jitter within the tolerance is fine and the furthest point never outruns credited time', () => {
    const m = new Member();
    m.send(video, 0, 'start', 0);
    m.send(video, 15.5, 'beat', 15); // arrived late
    const out = m.send(video, 30, 'beat', 30); // arrived early: 14.5 s elapsed, position +15 s
    expect(out.reason).toBeNull();
    expect(out.progress.creditedMs).toBe(30 * S);
    expect(out.progress.furthestMs).toBe(29.5 * S);
    expect(out.progress.position).toBe(29.5 * S);
  });

  it('an article is credited by time; the reader position is kept for resume only', () => {
    const m = new Member();
    m.send(article, 0, 'start', 3);
    const out = m.send(article, 15, 'beat', 7);
    expect(out.creditedMs).toBe(15 * S);
    expect(out.progress.position).toBe(7 * S);
    expect(out.progress.furthestMs).toBe(0);
  });

  it('a stop credits up to now and frees the session; the next beat without start credits nothing for the pause', () => {
    const m = new Member();
    m.send(article, 0, 'start');
    expect(m.send(article, 10, 'stop').creditedMs).toBe(10 * S);
    expect(m.session.lessonId).toBeNull();
    const back = m.send(article, 40, 'beat');
    expect(back.creditedMs).toBe(0);
    expect(m.send(article, 55, 'beat').creditedMs).toBe(15 * S);
    expect(m.credited(article)).toBe(25 * S);
  });
});

describe('cheating sequences credit nothing beyond wall-clock time', () => {
  it('seek ahead: a position beyond the furthest point is not credited and resume stays at the furthest point', () => {
    const m = new Member();
    m.watch(video, 0, 2); // furthest 30 s
    const out = m.send(video, 45, 'beat', 80);
    expect(out.creditedMs).toBe(0);
    expect(out.reason).toEqual({ code: 'STUDY_SEEK_AHEAD', message: '不能跳过未观看的部分，请从 00:30 处继续观看' });
    expect(out.progress).toMatchObject({ furthestMs: 30 * S, position: 30 * S, creditedMs: 30 * S });
    // Back at the furthest point, watching continues normally from there.
    expect(m.send(video, 60, 'beat', 45).creditedMs).toBe(15 * S);
  });

  it('a start at a seeked position resumes at the furthest point instead', () => {
    const m = new Member();
    m.watch(video, 0, 1);
    expect(m.send(video, 20, 'start', 90).progress.position).toBe(15 * S);
  });

  it('fast-forwarded heartbeats (2× playback, or beats every 5 s claiming 15 s) are not credited', () => {
    const m = new Member();
    m.send(video, 0, 'start', 0);
    const outs = [5, 10, 15, 20].map((t, i) => m.send(video, t, 'beat', 15 * (i + 1)));
    expect(outs.map((o) => o.creditedMs)).toEqual([0, 0, 0, 0]);
    expect(outs.every((o) => o.reason?.code === 'STUDY_SEEK_AHEAD')).toBe(true);
    expect(m.progress.get('v1')).toMatchObject({ creditedMs: 0, furthestMs: 0, completedAt: null });
  });

  it('playing at 1.25× is credited until the position runs beyond the tolerance, never more than wall time', () => {
    const m = new Member();
    m.send(video, 0, 'start', 0);
    const credits = [1, 2, 3, 4].map((i) => m.send(video, 15 * i, 'beat', 18.75 * i).creditedMs);
    // The first beat is within the tolerance; from then on the position is beyond the furthest point.
    expect(credits).toEqual([15 * S, 0, 0, 0]);
    expect(m.progress.get('v1')!.furthestMs).toBeLessThanOrEqual(m.credited(video));
  });

  it('a burst of heartbeats in one second credits one second in total', () => {
    const m = new Member();
    m.send(article, 0, 'start');
    let total = 0;
    for (let i = 1; i <= 10; i++) total += m.send(article, i / 10, 'beat').creditedMs;
    expect(total).toBe(1 * S);
  });

  it('replayed heartbeats (same or older sequence number) change nothing', () => {
    const m = new Member();
    m.send(article, 0, 'start', 0, 1);
    m.send(article, 15, 'beat', 0, 2);
    const before = m.progress.get('a1')!;
    for (const seq of [2, 1]) {
      const out = m.send(article, 30, 'beat', 0, seq);
      expect(out.creditedMs).toBe(0);
      expect(out.reason?.code).toBe('STUDY_HEARTBEAT_REPLAYED');
      expect(out.progress).toBe(before);
    }
    // A replayed start does not reset the sequence either.
    expect(m.send(article, 31, 'start', 0, 1).reason?.code).toBe('STUDY_HEARTBEAT_REPLAYED');
    expect(m.send(article, 30, 'beat', 0, 3).creditedMs).toBe(15 * S);
  });

  it('a heartbeat at the same server time as the previous one credits nothing', () => {
    const m = new Member();
    m.send(article, 0, 'start');
    m.send(article, 15, 'beat');
    const out = m.send(article, 15, 'beat');
    expect(out).toMatchObject({ creditedMs: 0, reason: { code: 'STUDY_HEARTBEAT_REPLAYED' } });
  });

  it('clock skew: a client clock hours ahead or behind gets exactly what a correct clock gets', () => {
    // The BFF passes the request body through; its client time is never read.
    const play = (clientOffsetMs: number): LessonProgress => {
      let progress = emptyLessonProgress;
      let session = emptyStudySession;
      const steps: [number, StudyHeartbeat['kind'], number][] = [
        [0, 'start', 0],
        [15, 'beat', 15],
        [30, 'beat', 30],
        [45, 'beat', 45],
        [60, 'beat', 60],
      ];
      for (const [t, kind, pos] of steps) {
        const body = {
          kind,
          seq: nextHeartbeatSeq(progress),
          position: pos * S,
          clientAt: T0 + t * S + clientOffsetMs,
        };
        const out = acceptHeartbeat({ lesson: video, progress, session }, body, T0 + t * S);
        progress = out.progress;
        session = out.session;
      }
      return progress;
    };
    const correct = play(0);
    expect(correct.creditedMs).toBe(60 * S);
    expect(play(5 * 3600 * S)).toEqual(correct);
    expect(play(-7 * 3600 * S)).toEqual(correct);
  });

  it('a late heartbeat credits at most one interval plus the tolerance', () => {
    const m = new Member();
    m.send(article, 0, 'start');
    const out = m.send(article, 50, 'beat');
    expect(out.creditedMs).toBe(20 * S);
    expect(out.reason?.code).toBe('STUDY_HEARTBEAT_LATE');
  });

  it('long pause: a heartbeat after more than the max gap starts a new span and credits nothing for the pause', () => {
    const m = new Member();
    m.watch(article, 0, 1);
    const out = m.send(article, 15 + 61, 'beat');
    expect(out).toMatchObject({ creditedMs: 0, reason: { code: 'STUDY_PAUSED' } });
    expect(m.send(article, 15 + 61 + 15, 'beat').creditedMs).toBe(15 * S);
    expect(m.credited(article)).toBe(30 * S);
  });

  it('exactly the max gap is still the same span (capped at one interval)', () => {
    const m = new Member();
    m.send(article, 0, 'start');
    expect(m.send(article, 60, 'beat').creditedMs).toBe(20 * S);
  });
});

describe('one lesson at a time', () => {
  it('two lessons at once: only the active one is credited', () => {
    const m = new Member();
    m.send(video, 0, 'start', 0);
    m.send(article, 1, 'start'); // the article takes over the session
    const v = m.send(video, 15, 'beat', 15);
    const a = m.send(article, 16, 'beat');
    expect(v).toMatchObject({ creditedMs: 0, reason: { code: 'STUDY_OTHER_LESSON_ACTIVE' } });
    expect(a.creditedMs).toBe(15 * S);
    // Interleaved beats of both for a minute: the total never exceeds the wall time.
    for (let t = 30; t <= 90; t += 15) {
      m.send(video, t, 'beat', 15);
      m.send(article, t + 1, 'beat');
    }
    expect(m.credited(video)).toBe(0);
    expect(m.credited(video) + m.credited(article)).toBeLessThanOrEqual(91 * S);
  });

  it('a refused lesson does not collect the refused time later when the other one stops', () => {
    const m = new Member();
    m.send(article, 0, 'start');
    m.send(video, 5, 'start', 0); // video takes over
    m.send(video, 15, 'beat', 10);
    expect(m.send(article, 16, 'beat').reason?.code).toBe('STUDY_OTHER_LESSON_ACTIVE');
    m.send(video, 20, 'stop', 15);
    const a = m.send(article, 25, 'beat');
    // Only 20 → 25 can be credited to the article: the video was credited up to 20.
    expect(a.creditedMs).toBe(5 * S);
    expect(m.credited(video) + m.credited(article)).toBe(20 * S);
    expect(studyMsByDay(m.spans)).toEqual([{ date: '2026-03-02', ms: 20 * S }]);
  });

  it('an abandoned lesson frees the session after the max gap', () => {
    const m = new Member();
    m.send(video, 0, 'start', 0);
    m.send(article, 30, 'beat'); // video still live
    expect(m.send(article, 45, 'beat').reason?.code).toBe('STUDY_OTHER_LESSON_ACTIVE');
    m.send(article, 61, 'beat'); // video silent for 61 s: the article takes the session
    expect(m.session.lessonId).toBe('a1');
    expect(m.send(article, 76, 'beat').creditedMs).toBe(15 * S);
  });

  it('a different video also counts for one lesson only', () => {
    const m = new Member();
    m.watch(video, 0, 1);
    expect(m.send(otherVideo, 20, 'beat', 5).reason?.code).toBe('STUDY_OTHER_LESSON_ACTIVE');
  });
});

describe('completion', () => {
  it('a video completes exactly when credited time and furthest point reach 90 % of its duration', () => {
    const m = new Member();
    m.watch(video, 0, 5); // 75 s
    expect(m.send(video, 89, 'beat', 89).completedNow).toBe(false);
    expect(lessonProgressPermille(video, m.progress.get('v1')!)).toBe(988);
    const done = m.send(video, 90, 'beat', 90);
    expect(done.completedNow).toBe(true);
    expect(done.progress.completedAt).toBe(T0 + 90 * S);
    expect(lessonProgressPermille(video, done.progress)).toBe(1000);
    // Later beats keep crediting study time but do not complete it again.
    const after = m.send(video, 100, 'beat', 100);
    expect(after.completedNow).toBe(false);
    expect(after.progress.completedAt).toBe(T0 + 90 * S);
  });

  it('an article completes at its minimum reading time, not a millisecond earlier', () => {
    const m = new Member();
    m.send(article, 0, 'start');
    m.send(article, 15, 'beat');
    m.send(article, 30, 'beat');
    m.send(article, 45, 'beat');
    expect(m.send(article, 59.999, 'beat').completedNow).toBe(false);
    expect(m.send(article, 60, 'beat').completedNow).toBe(true);
    expect(m.credited(article)).toBe(60 * S);
  });

  it('rewatching the beginning adds study time but does not complete a video', () => {
    const m = new Member();
    m.send(video, 0, 'start', 0);
    for (let i = 1; i <= 10; i++) m.send(video, 15 * i, 'beat', i % 2 === 0 ? 5 : 15);
    const p = m.progress.get('v1')!;
    expect(p.creditedMs).toBe(150 * S);
    expect(p.furthestMs).toBeLessThan(90 * S);
    expect(p.completedAt).toBeNull();
  });

  it('a completed video may be reviewed from any point', () => {
    const m = new Member();
    m.watch(video, 0, 6);
    expect(m.progress.get('v1')!.completedAt).not.toBeNull();
    const out = m.send(video, 100, 'start', 20);
    expect(out.progress.position).toBe(20 * S);
    expect(m.send(video, 115, 'beat', 99).creditedMs).toBe(15 * S);
  });

  it('resume: the stored position is where the member left off', () => {
    const m = new Member();
    m.watch(video, 0, 3);
    m.send(video, 50, 'stop', 50);
    expect(m.progress.get('v1')).toMatchObject({ position: 50 * S, furthestMs: 50 * S, lastHeartbeatAt: null });
    expect(nextHeartbeatSeq(m.progress.get('v1')!)).toBe(6);
  });
});

describe('study time per Beijing day', () => {
  const bj = (iso: string) => Date.parse(`${iso}+08:00`);

  it('a span across midnight splits at Beijing midnight (16:00 UTC)', () => {
    expect(studyMsByDay([{ fromAt: bj('2026-03-02T23:59:50'), toAt: bj('2026-03-03T00:00:05') }])).toEqual([
      { date: '2026-03-02', ms: 10 * S },
      { date: '2026-03-03', ms: 5 * S },
    ]);
  });

  it('spans are summed per day, in date order, and overlaps count once', () => {
    expect(
      studyMsByDay([
        { fromAt: bj('2026-03-03T08:00:00'), toAt: bj('2026-03-03T08:00:15') },
        { fromAt: bj('2026-03-02T10:00:00'), toAt: bj('2026-03-02T10:00:15') },
        { fromAt: bj('2026-03-02T10:00:10'), toAt: bj('2026-03-02T10:00:20') },
        { fromAt: bj('2026-03-02T10:00:20'), toAt: bj('2026-03-02T10:00:20') },
      ]),
    ).toEqual([
      { date: '2026-03-02', ms: 20 * S },
      { date: '2026-03-03', ms: 15 * S },
    ]);
  });

  it('UTC midnight is not a day boundary; a span over a whole day splits into three', () => {
    expect(studyMsByDay([{ fromAt: Date.UTC(2026, 2, 2, 23, 0), toAt: Date.UTC(2026, 2, 3, 1, 0) }])).toEqual([
      { date: '2026-03-03', ms: 7_200 * S },
    ]);
    expect(studyMsByDay([{ fromAt: bj('2026-03-01T12:00:00'), toAt: bj('2026-03-03T12:00:00') }])).toEqual([
      { date: '2026-03-01', ms: 43_200 * S },
      { date: '2026-03-02', ms: 86_400 * S },
      { date: '2026-03-03', ms: 43_200 * S },
    ]);
    expect(studyMsByDay([])).toEqual([]);
  });

  it('heartbeats across midnight credit the right days', () => {
    const m = new Member();
    const at = (bj('2026-03-02T23:59:50') - T0) / S;
    m.send(article, at, 'start');
    m.send(article, at + 15, 'beat');
    expect(studyMsByDay(m.spans)).toEqual([
      { date: '2026-03-02', ms: 10 * S },
      { date: '2026-03-03', ms: 5 * S },
    ]);
  });
});
