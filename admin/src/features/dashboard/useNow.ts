import { onScopeDispose, ref, type Ref } from 'vue';

/** Current time (epoch ms) refreshed every `intervalMs`, for live "ago"/uptime displays. */
export function useNow(intervalMs = 1_000): Readonly<Ref<number>> {
  const now = ref(Date.now());
  const timer = setInterval(() => {
    now.value = Date.now();
  }, intervalMs);
  onScopeDispose(() => clearInterval(timer));
  return now;
}
