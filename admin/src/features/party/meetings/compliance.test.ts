import { describe, expect, it } from 'vitest';
import type { MeetingComplianceRowVO, PartyOrgVO } from '@zhili/shared';
import { complianceBranches, complianceSummary, currentCompliance, periodText } from './compliance';

const row = (
  type: MeetingComplianceRowVO['type'],
  period: string,
  held: number,
  status: MeetingComplianceRowVO['status'],
): MeetingComplianceRowVO => ({ type, period, required: 1, held, status });

describe('meeting compliance for the card', () => {
  it('names periods in Chinese', () => {
    expect(periodText('2026-03')).toBe('2026年3月');
    expect(periodText('2026-Q4')).toBe('2026年第4季度');
    expect(periodText('2026')).toBe('2026年');
  });

  it('keeps the running period per type and lists the earlier ones missed', () => {
    const rows = [
      row('committee', '2026-10', 1, 'held'),
      row('committee', '2026-11', 0, 'missing'),
      row('committee', '2026-12', 0, 'due'),
      row('lecture', '2026-Q3', 0, 'missing'),
      row('lecture', '2026-Q4', 1, 'held'),
      row('appraisal', '2026', 0, 'due'),
    ];
    expect(currentCompliance(rows)).toEqual([
      {
        type: 'committee',
        typeLabel: '支委会',
        periodLabel: '本月',
        status: 'due',
        text: '待开 0/1',
        missedEarlier: ['2026年11月'],
      },
      {
        type: 'lecture',
        typeLabel: '党课',
        periodLabel: '本季度',
        status: 'held',
        text: '已开 1/1',
        missedEarlier: ['2026年第3季度'],
      },
      {
        type: 'appraisal',
        typeLabel: '民主评议',
        periodLabel: '本年',
        status: 'due',
        text: '待开 0/1',
        missedEarlier: [],
      },
    ]);
  });

  it('sums up what is owed now and how often meetings were missed this year', () => {
    const items = currentCompliance([
      row('committee', '2026-11', 0, 'missing'),
      row('committee', '2026-12', 0, 'due'),
      row('lecture', '2026-Q4', 1, 'held'),
    ]);
    expect(complianceSummary(items)).toBe('待开：本月支委会；今年此前缺开 1 次');
    expect(complianceSummary(currentCompliance([row('lecture', '2026-Q4', 1, 'held')]))).toBe('本期要求的会议均已召开');
  });
});

describe('branches of the compliance card', () => {
  const org = (
    id: string,
    type: PartyOrgVO['type'],
    parentId: string | null,
    status: PartyOrgVO['status'] = 'active',
  ): PartyOrgVO => ({
    id,
    type,
    parentId,
    status,
    name: id,
    regionId: null,
    regionName: null,
    foundedOn: '2015-01-01',
    sortOrder: 0,
    closedOn: null,
    memberCount: 0,
    secretaryName: null,
    termStartedOn: '2024-01-01',
    termEndsOn: null,
    termDue: 'ok',
  });
  const tree = [
    org('town', 'committee', null),
    org('general', 'general_branch', 'town'),
    org('b1', 'branch', 'general'),
    org('g1', 'group', 'b1'),
    org('b2', 'branch', 'town'),
    org('b3', 'branch', 'town', 'dissolved'),
  ];
  const ids = (orgs: PartyOrgVO[]) => orgs.map((o) => o.id);

  it('takes every active branch of the tree, or those within the chosen organisation', () => {
    expect(ids(complianceBranches(tree))).toEqual(['b1', 'b2']);
    expect(ids(complianceBranches(tree, 'general'))).toEqual(['b1']);
    expect(ids(complianceBranches(tree, 'b2'))).toEqual(['b2']);
    expect(ids(complianceBranches(tree, 'g1'))).toEqual([]);
  });
});
