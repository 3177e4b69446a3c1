import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { mount } from '@vue/test-utils';
import { ElEmpty, ElTable, ElTableColumn, vLoading } from 'element-plus';
import type { CrudColumn } from './columns';
import CrudTable from './CrudTable.vue';

interface Row {
  id: string;
  name: string;
  tags: string[];
}

const rows: Row[] = [
  { id: 'a', name: '张三', tags: ['elderly'] },
  { id: 'b', name: '李四', tags: [] },
];
const columns: CrudColumn<Row>[] = [
  { key: 'name', label: '姓名' },
  { key: 'tags', label: '标签' },
];

/** A cell component that, like a link to a record, needs a real row. */
const NeedsRow = defineComponent({
  props: { row: { type: Object as () => Row, required: true } },
  setup(props) {
    return () => h('span', { class: 'needs-row' }, `${props.row.id}:${props.row.tags.length}`);
  },
});

describe('CrudTable', () => {
  it('renders cell slots for the rows only, never for el-table-column’s probe with an empty row', async () => {
    const seen: unknown[] = [];
    const wrapper = mount(CrudTable<Row>, {
      props: { rows, columns, emptyText: '暂无' },
      slots: {
        'cell-tags': ({ row }: { row: Row }) => {
          seen.push(row);
          return h(NeedsRow, { row });
        },
      },
      global: {
        components: { ElTable, ElTableColumn, ElEmpty },
        directives: { loading: vLoading },
      },
      attachTo: document.body,
    });
    await nextTick();
    await nextTick();
    expect(seen.length).toBeGreaterThan(0);
    // Element Plus hands the rows back as reactive proxies: compare them by id.
    expect(new Set(seen.map((row) => (row as Partial<Row>).id))).toEqual(new Set(['a', 'b']));
    expect(wrapper.findAll('.needs-row').map((cell) => cell.text())).toEqual(['a:1', 'b:0']);
    expect(wrapper.text()).toContain('张三');
    wrapper.unmount();
  });
});
