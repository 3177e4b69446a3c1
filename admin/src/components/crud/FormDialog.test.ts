import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { mount } from '@vue/test-utils';
import FormDialog from './FormDialog.vue';

/** Element Plus is auto-imported in the app only; plain stand-ins show what FormDialog hands them. */
const stubs = {
  'el-dialog': {
    props: ['modelValue', 'title'],
    template:
      '<section v-if="modelValue" :aria-label="title"><slot /><footer><slot name="footer" /></footer></section>',
  },
  'el-button': {
    props: ['type', 'loading', 'disabled'],
    template: '<button :data-type="type" :disabled="disabled || loading"><slot /></button>',
  },
  'el-alert': { props: ['title'], template: '<p role="alert">{{ title }}</p>' },
};

function mountDialog(props: Record<string, unknown>) {
  const open = ref(true);
  const submits: number[] = [];
  const Host = defineComponent({
    render: () =>
      h(
        FormDialog,
        {
          title: '新增',
          ...props,
          modelValue: open.value,
          'onUpdate:modelValue': (v: boolean) => (open.value = v),
          onSubmit: () => submits.push(1),
        },
        () => h('form', { 'data-form': '' }),
      ),
  });
  const wrapper = mount(Host, { global: { stubs } });
  const buttons = () => wrapper.findAll('footer button');
  return { wrapper, open, submits, buttons };
}

describe('FormDialog', () => {
  it('says 创建 for a new record and 保存 for an edit, and shows the error that belongs to no field', () => {
    expect(mountDialog({}).buttons()[1]?.text()).toBe('创建');
    const edit = mountDialog({ isEdit: true, generalError: '数据已被他人修改' });
    expect(edit.buttons()[1]?.text()).toBe('保存');
    expect(edit.wrapper.find('[role="alert"]').text()).toBe('数据已被他人修改');
  });

  it('takes the action’s own words, button type and test hook', () => {
    const { buttons } = mountDialog({
      submitText: '确认更正',
      submitType: 'danger',
      submitTestid: 'go',
      testAttr: 'data-test',
    });
    const submit = buttons()[1];
    expect(submit?.text()).toBe('确认更正');
    expect(submit?.attributes('data-type')).toBe('danger');
    expect(submit?.attributes('data-test')).toBe('go');
    expect(submit?.attributes('data-testid')).toBeUndefined();
  });

  it('submits through its button and closes on 取消', async () => {
    const { buttons, submits, open, wrapper } = mountDialog({ submitTestid: 'go' });
    expect(buttons()[1]?.attributes('data-testid')).toBe('go');
    await buttons()[1]?.trigger('click');
    expect(submits).toHaveLength(1);
    await buttons()[0]?.trigger('click');
    await nextTick();
    expect(open.value).toBe(false);
    expect(wrapper.find('[data-form]').exists()).toBe(false);
  });

  it('keeps the submit button disabled while asked to', () => {
    expect(mountDialog({ submitDisabled: true }).buttons()[1]?.attributes('disabled')).toBeDefined();
    expect(mountDialog({ saving: true }).buttons()[1]?.attributes('disabled')).toBeDefined();
  });
});
