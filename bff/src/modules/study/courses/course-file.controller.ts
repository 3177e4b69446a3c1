import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { studyCourseRoutes as R } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { Api } from '../../../core/http/contract';
import { readMultipart } from '../../../core/http/multipart';
import { RateLimit, type RateLimitRule } from '../../../core/http/rate-limit';
import { FileLinkService, FileService, mp4DurationMs, VIDEO_LINK_TTL_SEC } from '../../file';

/** Lesson files per staff member per minute: a course is a handful of videos and PDFs. */
const UPLOAD_LIMIT: RateLimitRule = { name: 'study.file.upload', limit: 20, windowSec: 60 };

/**
 * Uploads for lessons: `?kind=video` an MP4 (≤ VIDEO_MAX_BYTES; its length read from the file and
 * returned, so the form can fill it in), `?kind=document` a PDF. The file is attached to a course
 * only when a lesson names it.
 */
@ForPrincipal('staff')
@Controller('/')
export class StudyFileController {
  @Inject()
  ctx!: Context;

  @Inject()
  private files!: FileService;

  @Inject()
  private links!: FileLinkService;

  @Api(R.upload)
  @RateLimit(UPLOAD_LIMIT)
  async upload({ query }: RouteInput<typeof R.upload>) {
    if (!query.kind)
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'kind', message: '请说明上传视频还是文档' }]);
    const accept = query.kind === 'video' ? 'videos' : 'documents';
    const upload = await readMultipart(this.ctx.req, {
      maxFileBytes: this.files.maxUploadBytes(accept),
      fileField: 'file',
    });
    if (!upload.file || upload.file.buffer.length === 0)
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'file', message: '请选择要上传的文件' }]);
    const bytes = upload.file.buffer;
    const file = await this.files.upload(principalOf(this.ctx), bytes, new Date(), accept);
    if (accept === 'documents' && file.mime !== 'application/pdf')
      throw new AppError('FILE_TYPE_NOT_ALLOWED', '文档课时只支持 PDF 文件');
    const now = new Date();
    return {
      data: {
        ...this.links.toVO(file, now),
        url: this.links.url(file.id, now, accept === 'videos' ? VIDEO_LINK_TTL_SEC : undefined),
        durationMs: accept === 'videos' ? mp4DurationMs(bytes) : null,
      },
    };
  }
}
