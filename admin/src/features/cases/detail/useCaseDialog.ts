import type { Ref } from 'vue';
import type { FormInstance } from 'element-plus';
import { isApiRequestError } from '@/api/errors';
import { useFormDialog } from '@/components/crud/useFormDialog';

/**
 * What to say when a case dialog's call failed because the case moved on under it — changed by
 * someone else first (409), or no longer in a state that allows the action — so the page reloads
 * the case; null for any other failure.
 */
export function staleCaseMessage(err: unknown): string | null {
  if (!isApiRequestError(err)) return null;
  if (err.code === 'CONFLICT') return '工单已被他人更新，已刷新';
  if (err.code === 'CASE_TRANSITION_INVALID') return `${err.message}，已刷新`;
  return null;
}

/**
 * `useFormDialog` for a dialog that acts on a case: the case calls are silent, so failures are
 * toasted here; a case that moved on closes the dialog and hands `stale` the words for the reload.
 */
export function useCaseDialog(
  open: Ref<boolean>,
  form: Readonly<Ref<FormInstance | null | undefined>>,
  reset: () => void,
  stale: (message: string) => void,
) {
  return useFormDialog(open, form, {
    reset,
    generalErrors: 'toast',
    intercept: (err) => {
      const message = staleCaseMessage(err);
      if (message === null) return false;
      open.value = false;
      stale(message);
      return true;
    },
  });
}
