import { tagRoutes } from '@zhili/shared';
import type { TagCreateInput, TagUpdateInput } from '@zhili/shared';
import { api } from '../contract-client';

export type TagInput = TagCreateInput;

/** 标签定义 (managed list). */
export const tagsApi = {
  list: () => api(tagRoutes.list, {}, { silent: true }),
  create: (input: TagCreateInput) => api(tagRoutes.create, { body: input }, { silent: true }),
  update: (code: string, patch: TagUpdateInput) =>
    api(tagRoutes.update, { params: { code }, body: patch }, { silent: true }),
  remove: (code: string) => api(tagRoutes.remove, { params: { code } }),
};
