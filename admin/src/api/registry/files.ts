import { fileRoutes } from '@zhili/shared';
import type { ClientOutput } from '@zhili/shared';
import { http } from '../http';

/**
 * `POST /api/admin/files` (multipart `file`, ≤ 5 MB JPEG/PNG/WebP) → a stored file with a signed URL.
 * A multipart body is not JSON, so this goes through the upload helper; path and answer type still
 * come from the contract route.
 */
export function uploadPhoto(file: File): Promise<ClientOutput<typeof fileRoutes.adminUpload>> {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.upload<ClientOutput<typeof fileRoutes.adminUpload>>(fileRoutes.adminUpload.path, form);
}
