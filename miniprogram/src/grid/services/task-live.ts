import type { MpTaskItemVO } from '@zhili/shared';

/**
 * Live "new task" pushes. In weapp there are none yet: socket.io needs a WebSocket shim over
 * wx.connectSocket (not in issue #5), so the task list refreshes whenever it is shown instead.
 * Taro resolves task-live.h5.ts (socket.io) in h5 builds.
 */
export const liveTasksAvailable = false;

export function subscribeTaskAssigned(_onTask: (task: MpTaskItemVO) => void): () => void {
  return () => undefined;
}
