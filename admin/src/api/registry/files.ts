import type { StoredFileVO } from '@zhili/shared';
import { ADMIN } from './query';
import { authorizedFetch } from './raw-fetch';

/** `POST /api/admin/files` (multipart `file`, ≤ 5 MB JPEG/PNG/WebP) → a stored file with a signed URL. */
export async function uploadPhoto(file: File): Promise<StoredFileVO> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await authorizedFetch(`${ADMIN}/files`, { method: 'POST', body: form, headers: { Accept: 'application/json' } });
  return ((await res.json()) as { data: StoredFileVO }).data;
}
