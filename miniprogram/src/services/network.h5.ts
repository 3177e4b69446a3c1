/**
 * h5: the browser's own online flag and `online` event (Taro's h5 onNetworkStatusChange relies on
 * navigator.connection, which most browsers lack and which ignores DevTools' offline switch).
 */
export function isOnline(): Promise<boolean> {
  return Promise.resolve(typeof navigator === 'undefined' || navigator.onLine !== false);
}

export function onNetworkBack(listener: () => void): void {
  window.addEventListener('online', () => listener());
}
