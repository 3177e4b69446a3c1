import { describe, expect, it } from 'vitest';
import { honourRecipient, honourStatusTabs, yearOptions } from './record-labels';

describe('record labels', () => {
  it('names the member and their organisation for a member honour, the organisation otherwise', () => {
    expect(honourRecipient({ kind: 'member', memberName: '李荣', orgName: '幸福村党支部' })).toBe(
      '李荣 · 幸福村党支部',
    );
    expect(honourRecipient({ kind: 'org', memberName: null, orgName: '青山镇党委' })).toBe('青山镇党委');
    expect(honourRecipient({ kind: 'member', memberName: '', orgName: '幸福村党支部' })).toBe(
      '（党员） · 幸福村党支部',
    );
  });

  it('offers 全部 then every status in workflow order as tabs', () => {
    expect(honourStatusTabs.map((t) => t.label)).toEqual(['全部', '草稿', '待审批', '已审批', '已退回', '已发布']);
  });

  it('offers next year first, then back', () => {
    expect(yearOptions(2026, 2)).toEqual([
      { value: '2027', label: '2027 年' },
      { value: '2026', label: '2026 年' },
      { value: '2025', label: '2025 年' },
    ]);
  });
});
