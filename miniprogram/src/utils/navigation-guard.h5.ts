import Taro from '@tarojs/taro';
import { isChunkLoadError, reportNavigationFailure } from './navigate';

let steppingBack = false;

/**
 * h5: Taro's router pushes the new hash first and imports the page's chunks afterwards, in a
 * promise nobody awaits. Offline that import rejects ("Loading CSS chunk … failed") as an unhandled
 * rejection while the old page stays on screen and the tap seems to do nothing. Catch exactly those
 * rejections, put the URL back on the page that is still shown (Taro ignores a POP onto the page it
 * shows), and report the failure so that page offers 重试. webpack forgets a failed chunk, so the
 * retry fetches it again.
 */
export function installNavigationGuard(): void {
  window.addEventListener('popstate', () => {
    steppingBack = false;
  });
  window.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
    if (!isChunkLoadError(event.reason)) return;
    event.preventDefault();
    if (steppingBack) return;
    const url = window.location.hash.replace(/^#/, '') || '/';
    const message = event.reason instanceof Error ? event.reason.message : String(event.reason);
    // At launch there is no page to return to; leave the URL so a reload tries the page again.
    if (Taro.getCurrentPages().length > 0) {
      steppingBack = true;
      window.history.back();
    }
    void reportNavigationFailure(url, message);
  });
}
