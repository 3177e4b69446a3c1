import { ref, type Ref } from 'vue';
import type { FormInstance } from 'element-plus';
import { isApiRequestError } from '@/api/errors';
import { toastError } from '@/ui/feedback';
import { errorText, fieldErrorsOf } from '@/ui/form-errors';

/** Where a failure that belongs to no field is shown. */
export type GeneralErrorDisplay =
  /** In the dialog's alert (`generalError`). */
  | 'alert'
  /** As a toast, for calls the API client keeps silent (the case dialogs); field errors are toasted too. */
  | 'toast'
  /** Nowhere: the API client already toasted it. */
  | 'client';

export interface FormSubmitOptions {
  /** Error codes whose message belongs at one field (a duplicate ID number), optionally in other words. */
  codeFields?: Readonly<Record<string, { field: string; message?: string }>>;
  /** Default `alert`. */
  generalErrors?: GeneralErrorDisplay;
  /** A failure the form handles itself (a 409 that reloads the page): return true and nothing is shown. */
  intercept?: (err: unknown) => boolean;
}

/**
 * Submitting an Element Plus form to the BFF: validate first, one submit at a time, field errors
 * from the answer shown at their fields and anything else above the form (or as the options say).
 */
export function useFormSubmit(form: Readonly<Ref<FormInstance | null | undefined>>, options: FormSubmitOptions = {}) {
  const serverErrors = ref<Record<string, string>>({});
  const generalError = ref('');
  const saving = ref(false);
  const display = options.generalErrors ?? 'alert';

  /** A fresh dialog: no errors from last time. */
  function clear(): void {
    serverErrors.value = {};
    generalError.value = '';
    form.value?.clearValidate();
  }

  function report(err: unknown): void {
    if (options.intercept?.(err)) return;
    const fields = fieldErrorsOf(err);
    const byCode = isApiRequestError(err) ? options.codeFields?.[err.code] : undefined;
    if (isApiRequestError(err) && byCode) fields[byCode.field] = byCode.message ?? err.message;
    serverErrors.value = fields;
    if (display === 'toast') toastError(errorText(err));
    else if (display === 'alert' && Object.keys(fields).length === 0) generalError.value = errorText(err);
  }

  /**
   * Resolves to whether `save` ran through. `check` runs after the field rules and before saving
   * (a rule across fields, a confirmation); false stops the submit.
   */
  async function submit(save: () => Promise<void>, check?: () => boolean | Promise<boolean>): Promise<boolean> {
    if (saving.value || !form.value) return false;
    serverErrors.value = {};
    generalError.value = '';
    if (!(await form.value.validate().catch(() => false))) return false;
    if (check && !(await check())) return false;
    saving.value = true;
    try {
      await save();
      return true;
    } catch (err) {
      report(err);
      return false;
    } finally {
      saving.value = false;
    }
  }

  return { serverErrors, generalError, saving, clear, submit };
}
