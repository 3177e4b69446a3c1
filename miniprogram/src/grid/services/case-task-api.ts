import { routes } from '@zhili/shared/client';
import type { mpTaskActionSchema, WorkerAction, z } from '@zhili/shared/client';
import { api } from '../../services/contract-client';

/** The grid worker's case tasks through the shared contract (`routes.mpTasks`). Silent: pages show errors. */

export const TASK_PAGE_SIZE = 20;
export type TaskTab = 'todo' | 'done';
/** What a grid worker may do to a task (the BFF re-checks against the state machine). */
export type TaskAction = WorkerAction;
/** An action with its reason, result, photos and the version the worker saw (stale: 409 CONFLICT). */
export type TaskActionInput = z.input<typeof mpTaskActionSchema>;

const silent = { silent: true } as const;

/** 待办 (dispatched/processing, by deadline) or 已办. */
export function fetchTasks(status: TaskTab, page: number) {
  return api(routes.mpTasks.list, { query: { status, page, pageSize: TASK_PAGE_SIZE } }, silent);
}

export function fetchTask(id: string) {
  return api(routes.mpTasks.detail, { params: { id } }, silent);
}

export function actOnTask(id: string, input: TaskActionInput) {
  return api(routes.mpTasks.act, { params: { id }, body: input }, silent);
}

/** 添加进展: a note with optional photos; changes no status. */
export function addTaskNote(id: string, note: string, photoIds: string[]) {
  return api(routes.mpTasks.note, { params: { id }, body: { note, photoIds } }, silent);
}
