/**
 * Uploaded files (photos): local-disk store, upload endpoints, signed expiring links and attaching
 * files to the records that reference them. Other modules import from here only.
 */
export { StoredFile } from './stored-file.entity';
export { FileLinkService, FILE_LINK_TTL_SEC } from './file-link.service';
export { FileService, PDF_MIME } from './file.service';
export type { UploadAccept } from './file.service';
export type { FileContent } from './file.service';
export type { FileStore } from './file-store';
export { MAX_UPLOAD_BYTES } from './multipart';
export { IMAGE_LIMITS } from './image-dimensions';
export { VIDEO_MP4_MIME, mp4DurationMs } from './video-format';
export { VIDEO_LINK_TTL_SEC } from './file-link.service';
