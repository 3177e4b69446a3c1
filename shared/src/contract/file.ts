import { Permission } from '../domain/permissions';
import { defineRoute } from './define';
import { pathId } from './fields';
import { z } from './zod';

/** An uploaded file: `POST /api/mp/files` or `/api/admin/files` (multipart field `file`). */
export const storedFileSchema = z.object({
  id: z.string(),
  /** image/jpeg, image/png or image/webp */
  mime: z.string(),
  sizeBytes: z.number().int(),
  /** Signed, expiring URL (10 min) relative to the BFF origin. */
  url: z.string(),
});
export type StoredFileVO = z.infer<typeof storedFileSchema>;

const UPLOAD_SUMMARY = '上传图片（字段 file，≤ 5 MB，JPG/PNG/WebP，自动去除 EXIF）';

export const fileRoutes = {
  adminUpload: defineRoute({
    method: 'POST',
    path: '/api/admin/files',
    summary: UPLOAD_SUMMARY,
    tag: '管理端 · 文件',
    audience: 'staff',
    permission: Permission.PersonRead,
    bodyKind: 'multipart',
    response: storedFileSchema,
    status: 201,
  }),
  mpUpload: defineRoute({
    method: 'POST',
    path: '/api/mp/files',
    summary: UPLOAD_SUMMARY,
    tag: '小程序 · 文件',
    audience: 'mp',
    bodyKind: 'multipart',
    response: storedFileSchema,
    status: 201,
  }),
  // Public because <img> cannot send a bearer token: the signature (given out only with a record
  // the caller may see) is the permission.
  get: defineRoute({
    method: 'GET',
    path: '/api/files/:id',
    summary: '按签名地址读取图片（10 分钟有效）',
    tag: '文件 · 签名地址',
    audience: 'public',
    params: z.object({ id: pathId() }),
    query: z.object({
      /** 过期时间（Unix 秒） */
      exp: z.string().min(1).max(16).optional(),
      /** 签名 */
      sig: z.string().min(1).max(128).optional(),
    }),
    response: null,
    responseKind: 'file',
  }),
};
