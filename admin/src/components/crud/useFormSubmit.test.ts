import { describe, expect, it, vi } from 'vitest';
import { shallowRef } from 'vue';
import type { FormInstance } from 'element-plus';
import { ApiRequestError } from '@/api/errors';
import { useFormSubmit } from './useFormSubmit';

/** Just the two methods the composable calls. */
function fakeForm(valid: boolean) {
  const form = {
    validate: vi.fn(() => (valid ? Promise.resolve(true) : Promise.reject(new Error('invalid')))),
    clearValidate: vi.fn(),
  };
  return shallowRef(form as unknown as FormInstance);
}

describe('useFormSubmit', () => {
  it('does not save an invalid form', async () => {
    const save = vi.fn(async () => undefined);
    const { submit } = useFormSubmit(fakeForm(false));
    await expect(submit(save)).resolves.toBe(false);
    expect(save).not.toHaveBeenCalled();
  });

  it('puts field errors at their fields and other errors above the form', async () => {
    const { submit, serverErrors, generalError, saving } = useFormSubmit(fakeForm(true));
    const fieldError = new ApiRequestError(400, 'VALIDATION_FAILED', '参数错误', [
      { field: 'name', message: '名称已存在' },
    ]);
    await expect(submit(() => Promise.reject(fieldError))).resolves.toBe(false);
    expect(serverErrors.value).toEqual({ name: '名称已存在' });
    expect(generalError.value).toBe('');

    await submit(() => Promise.reject(new ApiRequestError(409, 'CONFLICT', '数据已被他人修改')));
    expect(serverErrors.value).toEqual({});
    expect(generalError.value).toBe('数据已被他人修改');
    expect(saving.value).toBe(false);
  });

  it('resolves true once the save went through', async () => {
    const { submit } = useFormSubmit(fakeForm(true));
    await expect(submit(async () => undefined)).resolves.toBe(true);
  });
});
