import { allCaseActions } from './case';
import {
  allAuditActions,
  auditActionGroup,
  auditActionGroups,
  auditActionLabel,
  auditActionLabels,
  isAuditAction,
} from './audit-actions';

const CJK = /[\u4e00-\u9fff]/;

describe('audit action labels', () => {
  it('labels every code of the union in Chinese, each label distinct', () => {
    expect(allAuditActions.length).toBeGreaterThan(60);
    for (const code of allAuditActions) {
      expect(auditActionLabels[code]).toMatch(CJK);
      expect(auditActionLabels[code]).not.toContain(code);
    }
    expect(new Set(Object.values(auditActionLabels)).size).toBe(allAuditActions.length);
  });

  it('covers one case.<action> code per workflow action, so case-command audits are labelled', () => {
    for (const action of allCaseActions) expect(isAuditAction(`case.${action}`)).toBe(true);
  });

  it('puts each code into exactly the group of its longest prefix', () => {
    for (const code of allAuditActions) expect(auditActionGroups.map((g) => g.key)).toContain(auditActionGroup(code));
    expect(auditActionGroup('person.pii.read')).toBe('access');
    expect(auditActionGroup('person.update')).toBe('registry');
    expect(auditActionGroup('case.pii.read')).toBe('access');
    expect(auditActionGroup('case.transfer')).toBe('case');
    expect(auditActionGroup('open311.key.issue')).toBe('case');
    expect(auditActionGroup('party.member.status')).toBe('party');
    expect(auditActionGroup('party.member.pii.read')).toBe('access');
  });

  it('shows unknown stored codes as they are and refuses them as actions', () => {
    expect(auditActionLabel('visit.create')).toBe('登记走访');
    expect(auditActionLabel('case.transfer')).toBe('转办工单');
    expect(auditActionLabel('legacy.thing')).toBe('legacy.thing');
    expect(isAuditAction('legacy.thing')).toBe(false);
    expect(isAuditAction('toString')).toBe(false);
  });
});
