import { ref, type Ref } from 'vue';
import type { FormInstance } from 'element-plus';
import { errorText, fieldErrorsOf } from '@/ui/form-errors';

/**
 * Submitting an Element Plus form to the BFF: validate first, one submit at a time, field errors
 * from the answer shown at their fields and anything else above the form.
 */
export function useFormSubmit(form: Readonly<Ref<FormInstance | null | undefined>>) {
  const serverErrors = ref<Record<string, string>>({});
  const generalError = ref('');
  const saving = ref(false);

  /** A fresh dialog: no errors from last time. */
  function clear(): void {
    serverErrors.value = {};
    generalError.value = '';
    form.value?.clearValidate();
  }

  /** Resolves to whether `save` ran through. */
  async function submit(save: () => Promise<void>): Promise<boolean> {
    if (saving.value || !form.value) return false;
    serverErrors.value = {};
    generalError.value = '';
    if (!(await form.value.validate().catch(() => false))) return false;
    saving.value = true;
    try {
      await save();
      return true;
    } catch (err) {
      serverErrors.value = fieldErrorsOf(err);
      if (Object.keys(serverErrors.value).length === 0) generalError.value = errorText(err);
      return false;
    } finally {
      saving.value = false;
    }
  }

  return { serverErrors, generalError, saving, clear, submit };
}
