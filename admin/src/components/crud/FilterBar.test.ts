import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import { mount } from '@vue/test-utils';
import FilterBar from './FilterBar.vue';
import FilterKeyword from './FilterKeyword.vue';
import FilterSelect from './FilterSelect.vue';

/** Stand-ins for the Element Plus parts: they show what the filter blocks hand them and emit as EP does. */
const stubs = {
  'el-form': { emits: ['submit'], template: '<form @submit="$emit(\'submit\', $event)"><slot /></form>' },
  'el-form-item': { props: ['label'], template: '<label :data-label="label"><slot /></label>' },
  'el-button': { props: ['nativeType'], template: '<button :type="nativeType ?? \'button\'"><slot /></button>' },
  'el-input': {
    name: 'ElInputStub',
    props: ['modelValue'],
    emits: ['update:modelValue', 'clear'],
    template: '<input :value="modelValue" @input="$emit(\'update:modelValue\', $event.target.value)" />',
  },
  'el-select': {
    name: 'ElSelectStub',
    props: ['modelValue', 'multiple'],
    emits: ['update:modelValue', 'change'],
    template: '<div class="select" :data-multiple="String(multiple)"><slot /></div>',
  },
  'el-option': { props: ['value', 'label'], template: '<i :data-value="value"><slot /></i>' },
};

const options = [
  { value: 'open', label: '营业' },
  { value: 'closed', label: '注销' },
];

function mountBar(props: { resettable?: boolean; instant?: boolean } = {}) {
  const filters = ref({ q: '', status: '' });
  const events: string[] = [];
  const Host = defineComponent({
    render: () =>
      h(
        FilterBar,
        {
          resettable: props.resettable,
          searchTestid: 'go',
          testAttr: 'data-test',
          onSearch: () => events.push('search'),
          onReset: () => events.push('reset'),
        },
        () => [
          h(FilterKeyword, {
            label: '关键字',
            placeholder: '名称',
            modelValue: filters.value.q,
            'onUpdate:modelValue': (v: string) => (filters.value.q = v),
            onSearch: () => events.push('search'),
            'data-testid': 'kw',
          }),
          h(FilterSelect<string, (typeof options)[number]>, {
            label: '状态',
            options,
            instant: props.instant,
            modelValue: filters.value.status,
            'onUpdate:modelValue': (v: string) => (filters.value.status = v),
            onSearch: () => events.push('search'),
            'data-testid': 'status',
          }),
        ],
      ),
  });
  return { wrapper: mount(Host, { global: { stubs } }), events, filters };
}

describe('filter blocks', () => {
  it('search on submit (Enter or 查询) and reset through 重置, with the test hook on 查询', async () => {
    const { wrapper, events } = mountBar();
    const [search, reset] = wrapper.findAll('button');
    expect(search?.attributes('data-test')).toBe('go');
    await wrapper.find('form').trigger('submit');
    await reset?.trigger('click');
    expect(events).toEqual(['search', 'reset']);
  });

  it('leaves 重置 out of a bar with nothing to reset', () => {
    expect(mountBar({ resettable: false }).wrapper.findAll('button')).toHaveLength(1);
  });

  it('searches when the keyword is cleared, and hands its attributes to the input', async () => {
    const { wrapper, events } = mountBar();
    const input = wrapper.findComponent({ name: 'ElInputStub' });
    expect(input.attributes('data-testid')).toBe('kw');
    expect(wrapper.find('label[data-label="关键字"]').exists()).toBe(true);
    input.vm.$emit('clear');
    expect(events).toEqual(['search']);
  });

  it('searches on a new choice unless told to wait for 查询', async () => {
    const instant = mountBar();
    const select = instant.wrapper.findComponent({ name: 'ElSelectStub' });
    expect(select.attributes('data-testid')).toBe('status');
    expect(select.findAll('i').map((o) => o.attributes('data-value'))).toEqual(['open', 'closed']);
    select.vm.$emit('update:modelValue', 'open');
    select.vm.$emit('change', 'open');
    expect(instant.filters.value.status).toBe('open');
    expect(instant.events).toEqual(['search']);

    const waiting = mountBar({ instant: false });
    waiting.wrapper.findComponent({ name: 'ElSelectStub' }).vm.$emit('change', 'open');
    expect(waiting.events).toEqual([]);
  });
});
