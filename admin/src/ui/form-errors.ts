import { isApiRequestError } from '@/api/errors';

/**
 * Field-level messages of a failed call (`details: [{ field, message }]`), keyed by field, so a form
 * can bind them to `el-form-item :error`. Empty for errors without details.
 */
export function fieldErrorsOf(err: unknown): Record<string, string> {
  if (!isApiRequestError(err)) return {};
  const result: Record<string, string> = {};
  for (const detail of err.details) {
    if (detail.field && !(detail.field in result)) result[detail.field] = detail.message;
  }
  return result;
}

/** The Chinese message of any thrown value. */
export function errorText(err: unknown, fallback = '操作失败，请稍后重试'): string {
  return isApiRequestError(err) ? err.message : fallback;
}
