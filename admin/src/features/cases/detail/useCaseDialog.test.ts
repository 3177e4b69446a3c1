import { describe, expect, it, vi } from 'vitest';
import { ref, shallowRef } from 'vue';
import type { FormInstance } from 'element-plus';
import { ApiRequestError } from '@/api/errors';
import { toastError } from '@/ui/feedback';
import { staleCaseMessage, useCaseDialog } from './useCaseDialog';

vi.mock('@/ui/feedback', () => ({ toastError: vi.fn() }));

describe('staleCaseMessage', () => {
  it('explains a case that changed under the dialog and leaves other failures alone', () => {
    expect(staleCaseMessage(new ApiRequestError(409, 'CONFLICT', '版本冲突'))).toBe('工单已被他人更新，已刷新');
    expect(staleCaseMessage(new ApiRequestError(409, 'CASE_TRANSITION_INVALID', '只能合并到未办结的工单'))).toBe(
      '只能合并到未办结的工单，已刷新',
    );
    expect(staleCaseMessage(new ApiRequestError(400, 'VALIDATION_FAILED', '参数错误'))).toBeNull();
    expect(staleCaseMessage(new Error('boom'))).toBeNull();
  });
});

describe('useCaseDialog', () => {
  const form = () =>
    shallowRef({ validate: () => Promise.resolve(true), clearValidate: () => undefined } as unknown as FormInstance);

  it('closes on a stale case and hands the page the words, toasting nothing', async () => {
    const open = ref(true);
    const stale = vi.fn();
    const { save } = useCaseDialog(open, form(), () => undefined, stale);
    await save(() => Promise.reject(new ApiRequestError(409, 'CONFLICT', '版本冲突')));
    expect(open.value).toBe(false);
    expect(stale).toHaveBeenCalledWith('工单已被他人更新，已刷新');
    expect(toastError).not.toHaveBeenCalled();
  });

  it('toasts any other failure and stays open with the field errors at their fields', async () => {
    const open = ref(true);
    const stale = vi.fn();
    const { save, serverErrors } = useCaseDialog(open, form(), () => undefined, stale);
    const invalid = new ApiRequestError(400, 'VALIDATION_FAILED', '参数错误', [{ field: 'reason', message: '太短' }]);
    await save(() => Promise.reject(invalid));
    expect(open.value).toBe(true);
    expect(stale).not.toHaveBeenCalled();
    expect(toastError).toHaveBeenCalledWith('参数错误');
    expect(serverErrors.value).toEqual({ reason: '太短' });
  });
});
