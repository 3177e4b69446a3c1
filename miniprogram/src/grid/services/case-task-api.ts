import type { ApiList, MpTaskDetailVO, MpTaskItemVO } from '@zhili/shared';
import { request, requestList } from '../../services/request';

/** The grid worker's case tasks (`/api/mp/grid/tasks`, docs/CONTRACTS.md "Cases"). Silent: pages show errors. */

export const TASK_PAGE_SIZE = 20;
export type TaskTab = 'todo' | 'done';
/** What a grid worker may do to a task (the BFF re-checks against the state machine). */
export type TaskAction = 'start' | 'return' | 'resolve';

export interface TaskActionInput {
  action: TaskAction;
  reason?: string;
  result?: string;
  photoIds?: string[];
  /** The version the worker saw: a stale click is refused with 409 CONFLICT. */
  version?: number;
}

const enc = encodeURIComponent;

/** 待办 (dispatched/processing, by deadline) or 已办. */
export function fetchTasks(status: TaskTab, page: number): Promise<ApiList<MpTaskItemVO>> {
  return requestList<MpTaskItemVO>('/api/mp/grid/tasks', { data: { status, page, pageSize: TASK_PAGE_SIZE }, silent: true });
}

export function fetchTask(id: string): Promise<MpTaskDetailVO> {
  return request<MpTaskDetailVO>(`/api/mp/grid/tasks/${enc(id)}`, { silent: true });
}

export function actOnTask(id: string, input: TaskActionInput): Promise<MpTaskDetailVO> {
  return request<MpTaskDetailVO>(`/api/mp/grid/tasks/${enc(id)}/actions`, { method: 'POST', data: input, silent: true });
}

/** 添加进展: a note with optional photos; changes no status. */
export function addTaskNote(id: string, note: string, photoIds: string[]): Promise<MpTaskDetailVO> {
  return request<MpTaskDetailVO>(`/api/mp/grid/tasks/${enc(id)}/notes`, { method: 'POST', data: { note, photoIds }, silent: true });
}
