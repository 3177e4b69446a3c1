import { routes } from '@zhili/shared/client';
import type { StoredFileVO } from '@zhili/shared/client';
import { uploadFile } from '../../services/request';

/** A photo picked for a visit: uploaded right away so submitting the form is quick. */
export interface PickedPhoto {
  /** Local path from chooseImage (a blob: URL in h5). */
  localPath: string;
  status: 'uploading' | 'done' | 'failed';
  file?: StoredFileVO;
  error?: string;
}

/** POST /api/mp/files — the BFF sniffs the type, strips EXIF location and answers a signed URL. */
export function uploadPhoto(localPath: string): Promise<StoredFileVO> {
  return uploadFile<StoredFileVO>(routes.files.mpUpload.path, localPath, { silent: true });
}
