import type { MpCaseItemVO } from '@zhili/shared/client';
import { progressNotices } from './notices';

const item = (over: Partial<MpCaseItemVO>): MpCaseItemVO => ({
  id: 'c1',
  no: 'SP001',
  categoryName: '道路破损',
  categoryIcon: 'road',
  description: '井盖缺失',
  status: 'processing',
  outcome: null,
  following: false,
  rated: false,
  slaState: 'on_time',
  thumbUrl: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
  ...over,
});

describe('通知 on the 长辈模式 home', () => {
  it('says what happened to each report in words, newest change first', () => {
    const notices = progressNotices([
      item({ id: 'old', categoryName: '路灯不亮', status: 'accepted', updatedAt: '2026-01-01T00:00:00Z' }),
      item({ id: 'new', categoryName: '垃圾堆放', status: 'processing', updatedAt: '2026-01-05T00:00:00Z' }),
    ]);
    expect(notices.map((n) => n.caseId)).toEqual(['new', 'old']);
    expect(notices[0].text).toBe('您上报的「垃圾堆放」处理中');
    expect(notices[0].needsAction).toBe(false);
  });

  it('asks for a rating when a case is finished and not rated yet, and not once it is', () => {
    expect(progressNotices([item({ status: 'resolved', rated: false })])[0]).toMatchObject({
      text: '您上报的「道路破损」已办结，请评价办理结果',
      needsAction: true,
    });
    expect(progressNotices([item({ status: 'resolved', rated: true })])[0].needsAction).toBe(false);
  });

  it('keeps the home short: three notices at most', () => {
    const many = Array.from({ length: 7 }, (_, i) => item({ id: `c${i}`, updatedAt: `2026-01-0${i + 1}T00:00:00Z` }));
    expect(progressNotices(many).map((n) => n.caseId)).toEqual(['c6', 'c5', 'c4']);
    expect(progressNotices([])).toEqual([]);
  });
});
