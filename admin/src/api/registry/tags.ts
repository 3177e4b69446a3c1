import type { TagDefinitionVO } from '@zhili/shared';
import { http } from '../http';
import { ADMIN, seg } from './query';

export interface TagInput {
  code: string;
  name: string;
  color: string;
  visitIntervalDays: number | null;
  active?: boolean;
}

/** 标签定义 (managed list). */
export const tagsApi = {
  list: () => http.get<TagDefinitionVO[]>(`${ADMIN}/tags`, { silent: true }),
  create: (input: TagInput) => http.post<TagDefinitionVO>(`${ADMIN}/tags`, input, { silent: true }),
  update: (code: string, patch: Partial<Omit<TagInput, 'code'>>) =>
    http.patch<TagDefinitionVO>(`${ADMIN}/tags/${seg(code)}`, patch, { silent: true }),
  remove: (code: string) => http.delete<null>(`${ADMIN}/tags/${seg(code)}`),
};
