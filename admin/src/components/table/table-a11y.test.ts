import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref, withDirectives } from 'vue';
import { mount } from '@vue/test-utils';
import { ElTable, ElTableColumn } from 'element-plus';
import { vTableA11y } from './table-a11y';

interface Row {
  id: string;
  no: string;
  area: string;
}

/** A real Element Plus table (header and body as two <table>s), as the list pages render it. */
function tableWith(rows: Row[], a11y = true) {
  const data = ref(rows);
  const Page = defineComponent({
    setup: () => () => {
      const table = h(
        ElTable,
        { data: data.value, rowKey: 'id', defaultSort: { prop: 'no', order: 'ascending' } },
        () => [
          h(ElTableColumn, { type: 'selection', width: 40 }),
          h(
            ElTableColumn,
            { label: '工单编号', prop: 'no', sortable: 'custom' },
            { default: ({ row }: { row: Row }) => h('a', { href: `/cases/${row.id}`, 'data-row-name': '' }, row.no) },
          ),
          h(ElTableColumn, { label: '区域', prop: 'area' }),
        ],
      );
      return a11y ? withDirectives(table, [[vTableA11y, { label: '工单列表' }]]) : table;
    },
  });
  const wrapper = mount(Page, { attachTo: document.body });
  const root = () => wrapper.get('.el-table').element as HTMLElement;
  return { wrapper, data, root };
}

async function settled(): Promise<void> {
  for (let i = 0; i < 4; i += 1) await nextTick();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('v-table-a11y', () => {
  it('makes header and body one ARIA table whose column headers name the body cells', async () => {
    const rows = [
      { id: 'a', no: '202612070002', area: '东林村' },
      { id: 'b', no: '202612070001', area: '文昌社区' },
    ];
    // Without the directive: two native tables, the body one without any header cell.
    const plain = tableWith(rows, false);
    await settled();
    expect(plain.root().getAttribute('role')).toBeNull();
    expect(plain.root().querySelectorAll('table')).toHaveLength(2);
    expect(plain.root().querySelector('.el-table__body th')).toBeNull();
    plain.wrapper.unmount();

    const { root: rootOf } = tableWith(rows);
    await settled();
    const root = rootOf();

    expect(root.getAttribute('role')).toBe('table');
    expect(root.getAttribute('aria-label')).toBe('工单列表');
    for (const table of Array.from(root.querySelectorAll('table')))
      expect(table.getAttribute('role')).toBe('presentation');
    const headers = Array.from(root.querySelectorAll('thead th')).map((th) => th.getAttribute('role'));
    expect(headers).toEqual(['columnheader', 'columnheader', 'columnheader']);
    const bodyRows = Array.from(root.querySelectorAll('tbody tr'));
    expect(bodyRows).toHaveLength(2);
    for (const tr of bodyRows) {
      expect(tr.getAttribute('role')).toBe('row');
      expect(Array.from(tr.children).map((td) => td.getAttribute('role'))).toEqual(['cell', 'cell', 'cell']);
    }
  });

  it('names each row checkbox after its row and the header one 选择本页全部', async () => {
    const { root: rootOf, data } = tableWith([{ id: 'a', no: '202612070002', area: '东林村' }]);
    await settled();
    const root = rootOf();
    const labels = () =>
      Array.from(root.querySelectorAll('input[type="checkbox"]')).map((box) => box.getAttribute('aria-label'));
    expect(labels()).toEqual(['选择本页全部', '选择 202612070002']);
    // A row added later (live update, next page) is named too.
    data.value = [...data.value, { id: 'c', no: '202612060001', area: '南湖村' }];
    await settled();
    expect(labels()).toEqual(['选择本页全部', '选择 202612070002', '选择 202612060001']);
  });

  it('lets the keyboard sort: a sortable header is a Tab stop with aria-sort, Enter sorts', async () => {
    const { root: rootOf } = tableWith([{ id: 'a', no: '1', area: 'x' }]);
    await settled();
    const root = rootOf();
    const th = root.querySelector<HTMLElement>('thead th.is-sortable');
    expect(th?.getAttribute('tabindex')).toBe('0');
    expect(th?.getAttribute('aria-sort')).toBe('ascending');
    th?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settled();
    expect(th?.getAttribute('aria-sort')).toBe('descending');
  });
});
