import { describe, expect, it, vi } from 'vitest';
import { shallowRef } from 'vue';
import type { FormInstance } from 'element-plus';
import { ApiRequestError } from '@/api/errors';
import { toastError } from '@/ui/feedback';
import { useFormSubmit } from './useFormSubmit';

vi.mock('@/ui/feedback', () => ({ toastError: vi.fn() }));

/** Just the two methods the composable calls. */
function fakeForm(valid: boolean) {
  const form = {
    validate: vi.fn(() => (valid ? Promise.resolve(true) : Promise.reject(new Error('invalid')))),
    clearValidate: vi.fn(),
  };
  return shallowRef(form as unknown as FormInstance);
}

const conflict = () => new ApiRequestError(409, 'CONFLICT', '数据已被他人修改');
const duplicate = () => new ApiRequestError(409, 'PERSON_DUPLICATE', '该身份证号已登记');

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

    await submit(() => Promise.reject(conflict()));
    expect(serverErrors.value).toEqual({});
    expect(generalError.value).toBe('数据已被他人修改');
    expect(saving.value).toBe(false);
    expect(toastError).not.toHaveBeenCalled();
  });

  it('resolves true once the save went through', async () => {
    const { submit } = useFormSubmit(fakeForm(true));
    await expect(submit(async () => undefined)).resolves.toBe(true);
  });

  it('shows the message of a mapped error code at its field, in its own words or the answer’s', async () => {
    const { submit, serverErrors, generalError } = useFormSubmit(fakeForm(true), {
      codeFields: { PERSON_DUPLICATE: { field: 'idNumber' }, CONFLICT: { field: 'username', message: '已被使用' } },
    });
    await submit(() => Promise.reject(duplicate()));
    expect(serverErrors.value).toEqual({ idNumber: '该身份证号已登记' });
    await submit(() => Promise.reject(conflict()));
    expect(serverErrors.value).toEqual({ username: '已被使用' });
    expect(generalError.value).toBe('');
  });

  it('toasts every failure when the dialog has no alert, and stays quiet when the client already spoke', async () => {
    const toasting = useFormSubmit(fakeForm(true), { generalErrors: 'toast' });
    const fieldError = new ApiRequestError(400, 'VALIDATION_FAILED', '参数错误', [
      { field: 'reason', message: '太短' },
    ]);
    await toasting.submit(() => Promise.reject(fieldError));
    expect(toasting.serverErrors.value).toEqual({ reason: '太短' });
    expect(toastError).toHaveBeenCalledWith('参数错误');
    expect(toasting.generalError.value).toBe('');

    vi.mocked(toastError).mockClear();
    const quiet = useFormSubmit(fakeForm(true), { generalErrors: 'client' });
    await quiet.submit(() => Promise.reject(conflict()));
    expect(quiet.generalError.value).toBe('');
    expect(toastError).not.toHaveBeenCalled();
  });

  it('leaves an intercepted failure to the caller', async () => {
    const intercept = vi.fn((err: unknown) => err instanceof ApiRequestError && err.code === 'CONFLICT');
    const { submit, generalError } = useFormSubmit(fakeForm(true), { intercept });
    await expect(submit(() => Promise.reject(conflict()))).resolves.toBe(false);
    expect(intercept).toHaveBeenCalledOnce();
    expect(generalError.value).toBe('');
    await submit(() => Promise.reject(duplicate()));
    expect(generalError.value).toBe('该身份证号已登记');
  });

  it('runs the check after the rules and does not save when it says no', async () => {
    const save = vi.fn(async () => undefined);
    const invalid = useFormSubmit(fakeForm(false));
    const check = vi.fn(() => true);
    await invalid.submit(save, check);
    expect(check).not.toHaveBeenCalled();

    const { submit, saving } = useFormSubmit(fakeForm(true));
    await expect(submit(save, async () => false)).resolves.toBe(false);
    expect(save).not.toHaveBeenCalled();
    expect(saving.value).toBe(false);
    await expect(submit(save, () => true)).resolves.toBe(true);
    expect(save).toHaveBeenCalledOnce();
  });
});
