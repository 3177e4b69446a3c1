import { reactive, ref, shallowRef } from 'vue';
import type { Role } from '@zhili/shared';
import { usersApi, type StaffStatus, type StaffUser } from '@/api/users';
import { errorText } from '@/ui/form-errors';

export interface UserFilters {
  q: string;
  role: Role | '';
  status: StaffStatus | '';
}

/** Paginated, filtered staff list (server-side paging, scoped to the caller's region subtree). */
export function useUserList(pageSize = 20) {
  const filters = reactive<UserFilters>({ q: '', role: '', status: '' });
  const page = ref(1);
  const size = ref(pageSize);
  const total = ref(0);
  const rows = shallowRef<StaffUser[]>([]);
  const loading = ref(false);
  const error = ref('');
  let seq = 0;

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = '';
    try {
      const result = await usersApi.list({
        page: page.value,
        pageSize: size.value,
        q: filters.q.trim(),
        role: filters.role,
        status: filters.status,
      });
      if (mine !== seq) return; // a newer query superseded this one
      rows.value = result.data;
      total.value = result.page.total;
    } catch (err) {
      if (mine === seq) error.value = errorText(err, '用户列表加载失败');
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  /** New filter values: back to the first page. */
  function search(): Promise<void> {
    page.value = 1;
    return load();
  }

  function resetFilters(): Promise<void> {
    filters.q = '';
    filters.role = '';
    filters.status = '';
    return search();
  }

  return { filters, page, size, total, rows, loading, error, load, search, resetFilters };
}
