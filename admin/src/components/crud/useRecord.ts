import { ref, shallowRef } from 'vue';
import { toastSuccess } from '@/ui/feedback';
import { errorText } from '@/ui/form-errors';

/**
 * One record of a detail page: loaded (and reloaded after every change), the newest answer wins,
 * a failure kept for the page's inline alert with a retry.
 */
export function useRecord<T>(fetch: () => Promise<T>, failMessage: string) {
  const record = shallowRef<T | null>(null);
  const loading = ref(false);
  const error = ref('');
  let seq = 0;

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = '';
    try {
      const value = await fetch();
      if (mine === seq) record.value = value;
    } catch (err) {
      if (mine === seq) error.value = errorText(err, failMessage);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  /** After a dialog saved something: say so and show the record as it is now. */
  function changed(message: string): void {
    toastSuccess(message);
    void load();
  }

  return { record, loading, error, load, changed };
}
