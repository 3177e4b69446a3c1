import type { StoredFileVO } from '@zhili/shared';
import { http } from '../http';
import { ADMIN } from './query';

/** `POST /api/admin/files` (multipart `file`, ≤ 5 MB JPEG/PNG/WebP) → a stored file with a signed URL. */
export function uploadPhoto(file: File): Promise<StoredFileVO> {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.upload<StoredFileVO>(`${ADMIN}/files`, form);
}
