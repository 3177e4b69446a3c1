import Taro from '@tarojs/taro';
import { fetchMe } from './api';
import { flushOutbox, readOutbox, type FlushOutcome, type OutboxSender } from './case-outbox';
import { submitCase } from './case-submit';
import { describeError } from './errors';
import { taroStore } from './key-value-store';
import { isOnline, onNetworkBack } from './network';
import { uploadPhotoWithRetry } from './photos';
import { getSession } from './session';

/**
 * Sends queued (offline) case reports when the network returns and when the app comes back to the
 * foreground. Lives in the main package so the home page can start it; one run at a time.
 */

const sender: OutboxSender = {
  upload: async (path) => (await uploadPhotoWithRetry(path)).id,
  submit: async (body) => (await submitCase(body)).id,
  describe: describeError,
};

type Listener = (outcome: FlushOutcome) => void;
const listeners = new Set<Listener>();
let running: Promise<FlushOutcome | null> | null = null;
let started = false;

/** Pages showing the queue subscribe here to refresh after a run; returns the unsubscribe. */
export function onOutboxFlushed(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function run(): Promise<FlushOutcome | null> {
  if (readOutbox(taroStore).length === 0 || !getSession() || !(await isOnline())) return null;
  // The queue is per user: ask the BFF who is signed in (also refreshes an expired token).
  const me = await fetchMe(true).catch(() => null);
  if (!me) return null;
  const outcome = await flushOutbox(taroStore, me.id, sender);
  if (outcome.sent.length > 0)
    void Taro.showToast({ title: `离线上报已提交 ${outcome.sent.length} 条`, icon: 'none', duration: 2500 });
  else if (outcome.failed.length > 0)
    void Taro.showToast({ title: `有上报未能提交：${outcome.failed[0].message}`, icon: 'none', duration: 3000 });
  listeners.forEach((listener) => listener(outcome));
  return outcome;
}

/** Sends what is queued now (no-op when nothing is, or offline). Concurrent calls share one run. */
export function flushCaseOutbox(): Promise<FlushOutcome | null> {
  if (!running) {
    running = run()
      .catch(() => null)
      .finally(() => {
        running = null;
      });
  }
  return running;
}

/** Starts the triggers once (network back, app shown) and flushes right away. */
export function startCaseOutboxSync(): void {
  if (!started) {
    started = true;
    onNetworkBack(() => void flushCaseOutbox());
    Taro.onAppShow(() => void flushCaseOutbox());
  }
  void flushCaseOutbox();
}
