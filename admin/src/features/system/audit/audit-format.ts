import type { AuditRecord, AuditResult } from '@/api/audit';
import { roleLabels } from '@zhili/shared';

export interface AuditFilterValues {
  actor: string;
  action: string;
  resourceType: string;
  resourceId: string;
  result: AuditResult | '';
  range: [Date, Date] | null;
}

export const resultMeta: Record<AuditResult, { label: string; type: 'success' | 'danger' | 'warning' }> = {
  success: { label: '成功', type: 'success' },
  failure: { label: '失败', type: 'danger' },
  denied: { label: '拒绝', type: 'warning' },
};

/** Chinese names of well-known actions; unknown actions show their dotted code only. */
const actionLabels: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.logout_all': '退出所有设备',
  'auth.captcha': '图形验证码校验',
  'auth.lockout': '账号锁定',
  'auth.mfa_enrol': '启用双因素认证',
  'auth.mfa_disable': '停用双因素认证',
  'auth.recovery_code': '使用恢复码',
  'auth.password_change': '修改密码',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.reset_password': '重置密码',
  'pii.read': '查看未脱敏个人信息',
  'region.create': '新增区域',
  'binding.issue': '签发绑定码',
  'binding.redeem': '使用绑定码',
  'mp.phone.bind': '绑定手机号',
  'audit.verify': '校验审计哈希链',
};

export function actionLabel(action: string): string {
  return actionLabels[action] ?? '';
}

export function actorRoleLabels(record: AuditRecord): string[] {
  const raw = record.actorRoles;
  const roles = Array.isArray(raw) ? raw : (raw ?? '').split(',');
  return roles
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => (roleLabels as Record<string, string | undefined>)[r] ?? r);
}

/** Pretty JSON of the detail (stored as JSON text; shown raw when it is not JSON). */
export function detailText(record: AuditRecord): string {
  const detail = record.detail;
  if (detail === null || detail === undefined || detail === '') return '';
  if (typeof detail !== 'string') return JSON.stringify(detail, null, 2);
  try {
    return JSON.stringify(JSON.parse(detail) as unknown, null, 2);
  } catch {
    return detail;
  }
}
