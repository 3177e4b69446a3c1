/**
 * Imperative Element Plus feedback (toasts and confirmations) with their styles. Imported lazily
 * by the HTTP client so the entry chunk does not carry Element Plus.
 */
import { ElMessage, ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';

export function toastError(message: string): void {
  ElMessage.error({ message, grouping: true, showClose: true });
}

export function toastSuccess(message: string): void {
  ElMessage.success({ message, grouping: true });
}

export interface ConfirmOptions {
  /** Destructive action: the confirm button is red. */
  danger?: boolean;
}

/** Resolves true when the user confirms, false when they cancel or close the dialog. */
export async function confirmAction(
  message: string,
  title = '提示',
  confirmText = '确定',
  options: ConfirmOptions = {},
): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: confirmText,
      cancelButtonText: '取消',
      ...(options.danger ? { confirmButtonClass: 'el-button--danger' } : {}),
    });
    return true;
  } catch {
    return false;
  }
}
