import type { PublishedHonourVO } from '@zhili/shared/client';
import {
  appraisalLine,
  appraisalNeedsAttention,
  filterContacts,
  honourHolder,
  honourLabel,
  honourMeta,
} from './party-records-format';

const honour: PublishedHonourVO = {
  id: 'h1',
  kind: 'member',
  orgName: '幸福村党支部',
  memberName: '李四',
  title: '优秀共产党员',
  level: 'county',
  awardingBody: '中共某县委员会',
  awardedOn: '2026-07-01',
  publishedAt: '2026-07-02T01:00:00.000Z',
  attachments: [],
};

describe('honour and contact book formatting', () => {
  it('names the member for a member honour and the organisation for an organisation honour', () => {
    expect(honourHolder(honour)).toBe('李四');
    expect(honourHolder({ ...honour, kind: 'org', memberName: null })).toBe('幸福村党支部');
    // A member honour whose member name is missing still names someone.
    expect(honourHolder({ ...honour, memberName: null })).toBe('幸福村党支部');
  });

  it('describes the level, awarding body and day, in a row and for a screen reader', () => {
    expect(honourMeta(honour)).toBe('县级 · 中共某县委员会 · 2026-07-01');
    expect(honourLabel(honour)).toBe('党员荣誉：优秀共产党员，李四，县级，中共某县委员会，2026-07-01');
  });

  it('words an appraisal and flags only the results below 合格', () => {
    expect(appraisalLine({ year: 2025, result: 'excellent' })).toBe('2025 年度民主评议：优秀');
    expect(appraisalNeedsAttention('excellent')).toBe(false);
    expect(appraisalNeedsAttention('qualified')).toBe(false);
    expect(appraisalNeedsAttention('basically_qualified')).toBe(true);
    expect(appraisalNeedsAttention('unqualified')).toBe(true);
  });

  it('filters the contact book by name, position or phone digits, ignoring blanks and case', () => {
    const book = [
      { name: '李四', position: '党员', phone: '139****1234' },
      { name: '王建国', position: '支部书记', phone: null },
      { name: 'Anna 张', position: null, phone: '138****5678' },
    ];
    expect(filterContacts(book, '')).toEqual(book);
    expect(filterContacts(book, '   ')).toEqual(book);
    expect(filterContacts(book, '李').map((c) => c.name)).toEqual(['李四']);
    expect(filterContacts(book, '书记').map((c) => c.name)).toEqual(['王建国']);
    expect(filterContacts(book, '5678').map((c) => c.name)).toEqual(['Anna 张']);
    expect(filterContacts(book, 'anna张').map((c) => c.name)).toEqual(['Anna 张']);
    expect(filterContacts(book, '赵六')).toEqual([]);
  });
});
