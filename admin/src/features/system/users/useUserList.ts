import type { Role } from '@zhili/shared';
import { usersApi, type StaffStatus, type StaffUser } from '@/api/users';
import { useCrudList } from '@/components/crud/useCrudList';

export interface UserFilters {
  q: string;
  role: Role | '';
  status: StaffStatus | '';
}

/** Paginated, filtered staff list (server-side paging, scoped to the caller's region subtree). */
export function useUserList(pageSize = 20) {
  return useCrudList<StaffUser, UserFilters>({
    fetch: ({ page, pageSize: size, filters }) =>
      usersApi.list({ page, pageSize: size, q: filters.q.trim(), role: filters.role, status: filters.status }),
    filters: () => ({ q: '', role: '', status: '' }),
    failMessage: '用户列表加载失败',
    pageSize,
  });
}
