import Taro from '@tarojs/taro';
import { routes } from '@zhili/shared/client';
import type { StoredFileVO } from '@zhili/shared/client';
import { compressPhoto } from './media';
import { uploadFile } from './request';
import { withRetry } from './retry-policy';
import { withConsent } from './wx-permissions';

/**
 * Photos for cases: pick (camera or album, behind the privacy consent), compress on the device,
 * upload with retry. Shared by the resident's report and the grid worker's task pages.
 */

/** Picks up to `count` photos and compresses them; [] when the user backed out. */
export async function pickPhotos(count: number): Promise<string[]> {
  if (count <= 0) return [];
  const res = await withConsent('使用相机或相册', () =>
    Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] }),
  );
  if (!res) return [];
  const paths = res.tempFiles.map((f) => f.tempFilePath).slice(0, count);
  return Promise.all(paths.map((p) => compressPhoto(p)));
}

/**
 * POST /api/mp/files (the BFF sniffs the type and strips EXIF location), retried on network
 * failures and 5xx with backoff. Silent: the picker shows the error on the photo.
 */
export function uploadPhotoWithRetry(localPath: string): Promise<StoredFileVO> {
  return withRetry(() => uploadFile<StoredFileVO>(routes.files.mpUpload.path, localPath, { silent: true }), {
    attempts: 3,
  });
}
