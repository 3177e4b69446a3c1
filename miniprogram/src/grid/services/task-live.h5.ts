import type { MpTaskItemVO } from '@zhili/shared/client';
import { subscribeTaskAssignedVia } from './task-socket';

/** h5: the BFF's socket.io on the page's own origin, websocket first. */
export const liveTasksAvailable = true;

export function subscribeTaskAssigned(onTask: (task: MpTaskItemVO) => void): () => void {
  return subscribeTaskAssignedVia(undefined, ['websocket', 'polling'], onTask);
}
