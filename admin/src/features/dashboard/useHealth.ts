import { computed, onMounted, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { isApiRequestError } from '@/api/errors';
import { systemApi, type HealthReport } from '@/api/system';
import { useStaffSocket } from '@/realtime/useStaffSocket';
import { isHealthReport } from './format';

export interface HealthSample {
  at: number;
  dbMs: number;
  cacheMs: number;
}

export interface UseHealthOptions {
  /** Poll interval while the realtime socket is not connected. */
  pollMs?: number;
  /** Number of samples kept for the latency chart. */
  historySize?: number;
}

/**
 * Live BFF health: `health` events from the staff socket, plus `GET /api/health` on mount and
 * every `pollMs` while the socket is not connected. A degraded BFF answers 503 with data, which
 * the API module treats as a result.
 */
export function useHealth(options: UseHealthOptions = {}) {
  const pollMs = options.pollMs ?? 10_000;
  const historySize = options.historySize ?? 30;

  const report = shallowRef<HealthReport | null>(null);
  const updatedAt = ref<number | null>(null);
  const source = ref<'socket' | 'http' | null>(null);
  const loading = ref(true);
  const error = ref<string | null>(null);
  const history = shallowRef<HealthSample[]>([]);

  const realtime = useStaffSocket();
  const live = computed(() => realtime.state.value === 'connected');

  function apply(next: HealthReport, from: 'socket' | 'http'): void {
    const at = Date.now();
    report.value = next;
    updatedAt.value = at;
    source.value = from;
    error.value = null;
    loading.value = false;
    const sample = { at, dbMs: next.checks.db.latencyMs, cacheMs: next.checks.cache.latencyMs };
    // The mount-time HTTP answer and the socket's on-connect push usually arrive together: keep one.
    const previous = history.value.at(-1);
    const kept = previous && at - previous.at < 1_000 ? history.value.slice(0, -1) : history.value;
    history.value = [...kept, sample].slice(-historySize);
  }

  realtime.on('health', (payload: unknown) => {
    if (isHealthReport(payload)) apply(payload, 'socket');
  });

  let inFlight: AbortController | null = null;

  async function refresh(): Promise<void> {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      apply(await systemApi.health({ signal: controller.signal, silent: true }), 'http');
    } catch (err) {
      if (isApiRequestError(err) && err.code === 'ABORTED') return;
      error.value = isApiRequestError(err) ? err.message : '健康检查失败';
      loading.value = false;
    } finally {
      if (inFlight === controller) inFlight = null;
    }
  }

  let timer: ReturnType<typeof setInterval> | null = null;
  function stopPolling(): void {
    if (timer !== null) clearInterval(timer);
    timer = null;
  }
  function startPolling(): void {
    if (timer === null) timer = setInterval(() => void refresh(), pollMs);
  }

  watch(live, (isLive) => (isLive ? stopPolling() : startPolling()), { immediate: true });
  onMounted(() => void refresh());
  onScopeDispose(() => {
    stopPolling();
    inFlight?.abort();
  });

  return { report, updatedAt, source, loading, error, history, live, realtimeState: realtime.state, refresh };
}
