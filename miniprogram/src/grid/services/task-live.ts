import type { MpTaskItemVO } from '@zhili/shared/client';
import { API_BASE } from '../../services/request';
import { WxWebSocketTransport } from '../../services/wx-websocket';
import { subscribeTaskAssignedVia } from './task-socket';

/**
 * weapp: the BFF's socket.io at API_BASE over wx.connectSocket (the BFF's domain must be listed as a
 * socket 合法域名). Taro resolves task-live.h5.ts in h5 builds.
 */
export const liveTasksAvailable = true;

export function subscribeTaskAssigned(onTask: (task: MpTaskItemVO) => void): () => void {
  return subscribeTaskAssignedVia(API_BASE, [WxWebSocketTransport], onTask);
}
