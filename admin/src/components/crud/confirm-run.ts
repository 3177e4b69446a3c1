import { confirmAction, toastSuccess } from '@/ui/feedback';

/** A destructive step the user confirms first: what it asks, what it does, what it says after. */
export interface ConfirmedStep {
  message: string;
  title: string;
  /** The confirm button (default 删除). */
  confirmText?: string;
  call: () => Promise<unknown>;
  /** Toast after success (default 已删除). */
  done?: string;
}

/** Asks, runs, toasts. Resolves to whether it ran through (a failure was already shown by the client). */
export async function confirmAndRun(step: ConfirmedStep): Promise<boolean> {
  const confirmText = step.confirmText ?? '删除';
  if (!(await confirmAction(step.message, step.title, confirmText, { danger: true }))) return false;
  try {
    await step.call();
  } catch {
    return false;
  }
  toastSuccess(step.done ?? '已删除');
  return true;
}
