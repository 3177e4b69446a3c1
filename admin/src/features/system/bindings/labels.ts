import type { BindingRole, BindingStatus } from '@/api/bindings';

export const bindingRoleLabels: Record<BindingRole, string> = { grid_worker: '网格员', party_member: '党员' };

export const bindingStatus: Record<BindingStatus, { label: string; type: 'warning' | 'success' | 'info' }> = {
  pending: { label: '待使用', type: 'warning' },
  redeemed: { label: '已使用', type: 'success' },
  expired: { label: '已过期', type: 'info' },
};
