import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { ApiList } from '@zhili/shared';
import { ApiRequestError } from '@/api/errors';
import { confirmAction, toastSuccess } from '@/ui/feedback';
import { useCrudList, type CrudListOptions, type ListRequest } from './useCrudList';

vi.mock('@/ui/feedback', () => ({ confirmAction: vi.fn(), toastSuccess: vi.fn() }));

interface Row {
  id: string;
}
interface Filters {
  q: string;
  tags: string[];
}

const page = (ids: string[], total = ids.length): ApiList<Row> => ({
  data: ids.map((id) => ({ id })),
  page: { page: 1, pageSize: 20, total },
});

/** Mounts a page that uses the list under a real router at `url`; resolves once the first load is done. */
async function mountList(url: string, options: Omit<CrudListOptions<Row, Filters>, 'failMessage'>) {
  let list!: ReturnType<typeof useCrudList<Row, Filters>>;
  const Page = defineComponent({
    setup() {
      list = useCrudList<Row, Filters>({ failMessage: '列表加载失败', ...options });
      void list.load();
      return () => h('div');
    },
  });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/list', name: 'list', component: Page }],
  });
  await router.push(url);
  mount({ render: () => h('div', [h(Page)]) }, { global: { plugins: [router] } });
  await flushPromises();
  return { list, router };
}

const defaults = (): Filters => ({ q: '', tags: [] });

afterEach(() => vi.mocked(confirmAction).mockReset());

describe('useCrudList', () => {
  it('starts from the filters and page in the URL and asks the fetcher for them', async () => {
    const fetch = vi.fn(async (_request: ListRequest<Filters>) => page(['a', 'b'], 42));
    const { list } = await mountList('/list?q=张&tags=x&tags=y&page=3', { fetch, filters: defaults });
    expect(fetch).toHaveBeenCalledWith({ page: 3, pageSize: 20, filters: { q: '张', tags: ['x', 'y'] }, sort: null });
    expect(list.rows.value.map((r) => r.id)).toEqual(['a', 'b']);
    expect(list.total.value).toBe(42);
    expect(list.loading.value).toBe(false);
  });

  it('goes back to page 1 on a new search and writes the filters into the URL', async () => {
    const fetch = vi.fn(async () => page(['a']));
    const { list, router } = await mountList('/list?page=2&keep=1', { fetch, filters: defaults });
    list.filters.q = '李';
    await list.search();
    expect(list.page.value).toBe(1);
    expect(router.currentRoute.value.query).toEqual({ q: '李', keep: '1' });
  });

  it('follows the URL when it changes under the page (back button)', async () => {
    const fetch = vi.fn(async () => page(['a']));
    const { list, router } = await mountList('/list', { fetch, filters: defaults });
    await router.push('/list?q=王');
    await flushPromises();
    expect(list.filters.q).toBe('王');
    expect(fetch).toHaveBeenLastCalledWith(expect.objectContaining({ filters: { q: '王', tags: [] } }));
  });

  it('drops an answer that a newer load overtook', async () => {
    const answers: ((value: ApiList<Row>) => void)[] = [];
    const fetch = vi.fn(() => new Promise<ApiList<Row>>((resolve) => answers.push(resolve)));
    const { list } = await mountList('/list', { fetch, filters: defaults, syncUrl: false });
    void list.load();
    await flushPromises();
    answers[1](page(['new']));
    answers[0](page(['stale']));
    await flushPromises();
    expect(list.rows.value.map((r) => r.id)).toEqual(['new']);
  });

  it('keeps the failure for the inline alert', async () => {
    const fetch = vi.fn(async () => {
      throw new ApiRequestError(500, 'SERVICE_UNAVAILABLE', '服务暂不可用');
    });
    const { list } = await mountList('/list', { fetch, filters: defaults });
    expect(list.error.value).toBe('服务暂不可用');
    expect(list.loading.value).toBe(false);
  });

  it('takes an unpaged array as the whole list', async () => {
    const { list } = await mountList('/list', {
      fetch: async () => [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      syncUrl: false,
    });
    expect(list.total.value).toBe(3);
  });

  it('deletes only after the user confirms, then reloads', async () => {
    const fetch = vi.fn(async () => page(['a']));
    const call = vi.fn(async () => null);
    const { list } = await mountList('/list', { fetch, filters: defaults });
    const spec = { message: '确定删除？', title: '删除', call };

    vi.mocked(confirmAction).mockResolvedValueOnce(false);
    await expect(list.remove(spec)).resolves.toBe(false);
    expect(call).not.toHaveBeenCalled();

    vi.mocked(confirmAction).mockResolvedValueOnce(true);
    await expect(list.remove(spec)).resolves.toBe(true);
    expect(call).toHaveBeenCalledOnce();
    expect(toastSuccess).toHaveBeenCalledWith('已删除');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('sorts by the columns the server allows only', async () => {
    const fetch = vi.fn(async () => page([]));
    const { list } = await mountList('/list', { fetch, filters: defaults });
    list.setSort({ prop: 'name', order: 'descending' }, ['name']);
    expect(list.sort.value).toEqual({ prop: 'name', order: 'desc' });
    list.setSort({ prop: 'phone', order: 'ascending' }, ['name']);
    expect(list.sort.value).toBeNull();
  });
});
