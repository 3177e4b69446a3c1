import { describe, expect, it, vi } from 'vitest';
import { nextTick, ref, shallowRef } from 'vue';
import type { FormInstance } from 'element-plus';
import { ApiRequestError } from '@/api/errors';
import { useFormDialog } from './useFormDialog';

vi.mock('@/ui/feedback', () => ({ toastError: vi.fn() }));

function fakeForm() {
  const form = { validate: vi.fn(() => Promise.resolve(true)), clearValidate: vi.fn() };
  return shallowRef(form as unknown as FormInstance);
}

describe('useFormDialog', () => {
  it('starts every opening from the reset values with last time’s errors gone', async () => {
    const open = ref(false);
    const form = fakeForm();
    const reset = vi.fn();
    const dialog = useFormDialog(open, form, { reset });
    await dialog.save(() => Promise.reject(new ApiRequestError(500, 'INTERNAL', '服务异常')));
    expect(dialog.generalError.value).toBe('服务异常');

    open.value = true;
    await nextTick();
    expect(reset).toHaveBeenCalledOnce();
    expect(dialog.generalError.value).toBe('');
    expect(form.value?.clearValidate).toHaveBeenCalled();

    open.value = false;
    await nextTick();
    expect(reset).toHaveBeenCalledOnce();
  });

  it('closes once the save went through, and stays open on a failure', async () => {
    const open = ref(true);
    const dialog = useFormDialog(open, fakeForm(), { reset: () => undefined });
    await expect(dialog.save(() => Promise.reject(new ApiRequestError(409, 'CONFLICT', '冲突')))).resolves.toBe(false);
    expect(open.value).toBe(true);
    await expect(dialog.save(async () => undefined)).resolves.toBe(true);
    expect(open.value).toBe(false);
  });
});
