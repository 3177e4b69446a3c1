import {
  afterPhotos,
  dueCountdown,
  eventDetails,
  formatCaseTime,
  formatDistance,
  outcomeText,
  publicityNote,
  statusTone,
} from './case-format';

describe('case display helpers', () => {
  it('shows times in China time', () => {
    expect(formatCaseTime('2026-11-22T02:05:00Z')).toBe('2026-11-22 10:05');
  });

  it('shows distances in 米 / 公里', () => {
    expect(formatDistance(35.4)).toBe('35米');
    expect(formatDistance(1234)).toBe('1.2公里');
  });

  it('tells closed-and-fixed from closed-not-fixed', () => {
    expect(outcomeText('closed', 'fixed')).toBe('已解决');
    expect(outcomeText('closed', 'not_fixed')).toBe('未解决');
    expect(outcomeText('resolved', null)).toBeNull();
    expect(statusTone('closed', 'fixed')).toBe('done');
    expect(statusTone('closed', 'not_fixed')).toBe('bad');
    expect(statusTone('processing')).toBe('working');
    expect(statusTone('submitted')).toBe('waiting');
  });

  it('lists the details of an event that matter to a resident', () => {
    expect(eventDetails({ data: { assignee: '王五' } })).toEqual(['处理人：王五']);
    expect(eventDetails({ data: { rating: 4, comment: '很快' } })).toEqual(['评分：★★★★☆', '评价：很快']);
    expect(eventDetails({ data: { outcome: 'not_fixed', reason: '还是坏的' } })).toEqual([
      '原因：还是坏的',
      '结果：未解决',
    ]);
    expect(eventDetails({ data: { unknown: 'x', level: 'city' } })).toEqual(['上报至：市级平台']);
  });

  it('counts down to the deadline and flags overdue work', () => {
    const now = Date.parse('2026-11-22T02:00:00Z');
    expect(dueCountdown('2026-11-22T05:20:00Z', now, 'on_time')).toEqual({
      text: '剩余 3小时20分',
      overdue: false,
      urgent: false,
    });
    expect(dueCountdown('2026-11-22T02:45:00Z', now, 'warning')).toEqual({
      text: '剩余 45分钟',
      overdue: false,
      urgent: true,
    });
    expect(dueCountdown('2026-11-21T00:00:00Z', now, 'overdue')).toEqual({
      text: '已超时 1天2小时',
      overdue: true,
      urgent: true,
    });
    expect(dueCountdown(null, now, 'on_time')).toEqual({ text: '无时限', overdue: false, urgent: false });
  });

  it('takes late / nearly late from the BFF’s slaState, never from the clock', () => {
    const now = Date.parse('2026-11-22T02:00:00Z');
    // 45 minutes left but the BFF says on time (warning mark not reached): not urgent.
    expect(dueCountdown('2026-11-22T02:45:00Z', now, 'on_time')).toEqual({
      text: '剩余 45分钟',
      overdue: false,
      urgent: false,
    });
    // A finished case is never red, even long past its deadline.
    expect(dueCountdown('2026-11-21T00:00:00Z', now, 'done')).toEqual({
      text: '已办结',
      overdue: false,
      urgent: false,
    });
    // The deadline passed on screen since the last load: say so, keep the BFF's colour.
    expect(dueCountdown('2026-11-22T01:59:00Z', now, 'warning')).toEqual({
      text: '已到期',
      overdue: false,
      urgent: true,
    });
  });

  it('tells the resident whether the report will be public', () => {
    expect(publicityNote(undefined, false)).toBeNull();
    expect(publicityNote({ isPublic: true }, false)).toBe(
      '此类问题将在政务公开平台公示办理情况（不含您的姓名、联系方式和原话）',
    );
    expect(publicityNote({ isPublic: true }, true)).toContain('匿名反映不会公开');
    expect(publicityNote({ isPublic: false }, false)).toContain('此类问题不会公开');
    expect(publicityNote({ isPublic: false }, true)).toContain('此类问题不会公开');
  });
});

describe('afterPhotos', () => {
  const photo = (id: string, phase: 'before' | 'after') => ({ id, url: `/f/${id}`, phase });
  const event = (seq: number, type: 'resolve' | 'note', photos: ReturnType<typeof photo>[]) => ({
    id: `e${seq}`,
    seq,
    type,
    fromStatus: null,
    toStatus: null,
    actor: { kind: 'mp' as const, name: '王五' },
    note: null,
    photos,
    data: {},
    createdAt: '2026-11-22T02:00:00Z',
  });
  it('takes the latest resolve event when the case lists only before-photos', () => {
    const record = {
      photos: [photo('b', 'before')],
      events: [
        event(3, 'resolve', [photo('a1', 'after')]),
        event(5, 'resolve', [photo('a2', 'after')]),
        event(4, 'note', [photo('n', 'after')]),
      ],
    };
    expect(afterPhotos(record).map((p) => p.id)).toEqual(['a2']);
  });
  it('prefers after-photos listed on the case', () => {
    expect(
      afterPhotos({ photos: [photo('x', 'after')], events: [event(1, 'resolve', [photo('y', 'after')])] }).map(
        (p) => p.id,
      ),
    ).toEqual(['x']);
  });
});
