import { watch, type Ref } from 'vue';
import type { FormInstance } from 'element-plus';
import { useFormSubmit, type FormSubmitOptions } from './useFormSubmit';

export interface FormDialogOptions extends FormSubmitOptions {
  /** Puts the form's starting values in place; runs on every opening. */
  reset: () => void;
}

/**
 * The life of a form in a `FormDialog`: every opening starts from `reset()` with no errors left from
 * last time, and a save that went through closes the dialog (see `useFormSubmit` for the rest).
 */
export function useFormDialog(
  open: Ref<boolean>,
  form: Readonly<Ref<FormInstance | null | undefined>>,
  options: FormDialogOptions,
) {
  const submitter = useFormSubmit(form, options);

  watch(open, (isOpen) => {
    if (!isOpen) return;
    options.reset();
    submitter.clear();
  });

  /** `useFormSubmit().submit`, closing the dialog once `save` ran through. */
  async function save(run: () => Promise<void>, check?: () => boolean | Promise<boolean>): Promise<boolean> {
    const done = await submitter.submit(run, check);
    if (done) open.value = false;
    return done;
  }

  return { ...submitter, save };
}
