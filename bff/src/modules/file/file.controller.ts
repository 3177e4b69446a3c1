import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { fileRoutes } from '@zhili/shared';
import type { RouteInput, StoredFileVO } from '@zhili/shared';
import { ForPrincipal, Public } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { Api } from '../../core/http/contract';
import { RateLimit, RateLimitRule } from '../../core/http/rate-limit';
import { byteRange } from './byte-range';
import { FileLinkService, FILE_LINK_TTL_SEC, VIDEO_LINK_TTL_SEC } from './file-link.service';
import { FileService, PDF_MIME } from './file.service';
import { VIDEO_MP4_MIME } from './video-format';
import { readSingleFile } from './multipart';
import type { StoredFile } from './stored-file.entity';
import { AppError } from '../../core/errors/app-error';

/**
 * `attachment` with a safe ASCII name (stored files keep no client name): `文件-<id prefix>.pdf` as
 * RFC 5987 `filename*`, plus a plain `filename` for old clients.
 */
export function pdfDisposition(id: string): string {
  const stem = id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8) || 'file';
  return `attachment; filename="document-${stem}.pdf"; filename*=UTF-8''${encodeURIComponent(`文件-${stem}`)}.pdf`;
}

/** Photos per caller per minute: a visit takes three, a busy morning maybe a dozen. */
const UPLOAD_LIMIT: RateLimitRule = { name: 'file.upload', limit: 30, windowSec: 60 };

/** The multipart body is read here, not by the contract (the route is `bodyKind: 'multipart'`). */
async function uploadFrom(ctx: Context, files: FileService, links: FileLinkService): Promise<{ data: StoredFileVO }> {
  const part = await readSingleFile(ctx);
  const file = await files.upload(principalOf(ctx), part.bytes);
  return { data: links.toVO(file) };
}

/** Photo upload from the admin portal (visits recorded by staff). */
@ForPrincipal('staff')
@Controller('/')
export class AdminFileController {
  @Inject()
  ctx!: Context;

  @Inject()
  private files!: FileService;

  @Inject()
  private links!: FileLinkService;

  @Api(fileRoutes.adminUpload)
  @RateLimit(UPLOAD_LIMIT)
  async upload() {
    return uploadFrom(this.ctx, this.files, this.links);
  }
}

/** Photo upload from the mini-program (走访 photos, case reports). */
@ForPrincipal('mp')
@Controller('/')
export class MpFileController {
  @Inject()
  ctx!: Context;

  @Inject()
  private files!: FileService;

  @Inject()
  private links!: FileLinkService;

  @Api(fileRoutes.mpUpload)
  @RateLimit(UPLOAD_LIMIT)
  async upload() {
    return uploadFrom(this.ctx, this.files, this.links);
  }
}

/**
 * Serving a stored file by signed link. Public because `<img>` cannot send a bearer token: the
 * signature (given out only with a record the caller may see) is the permission.
 */
@Controller('/')
export class FileLinkController {
  @Inject()
  ctx!: Context;

  @Inject()
  private files!: FileService;

  @Inject()
  private links!: FileLinkService;

  @Public()
  @Api(fileRoutes.get)
  async get({ params, query }: RouteInput<typeof fileRoutes.get>) {
    const found = await this.files.find(params.id);
    const video = found?.mime === VIDEO_MP4_MIME;
    this.links.verify(params.id, query.exp, query.sig, new Date(), video ? VIDEO_LINK_TTL_SEC : FILE_LINK_TTL_SEC);
    if (!found) throw new AppError('NOT_FOUND');
    if (video) return this.serveRange(found);
    const { file, bytes } = await this.files.content(params.id);
    this.ctx.type = file.mime;
    this.ctx.set('Cache-Control', `private, max-age=${FILE_LINK_TTL_SEC}`);
    this.ctx.set('X-Content-Type-Options', 'nosniff');
    if (file.mime === PDF_MIME) {
      // Never rendered in our origin: downloaded, and sandboxed (no script, unique origin) if a
      // browser shows it anyway.
      this.ctx.set('Content-Disposition', pdfDisposition(file.id));
      this.ctx.set('Content-Security-Policy', 'sandbox');
    }
    return bytes;
  }

  /**
   * A video, whole or by byte range (206 + Content-Range; 416 with the size in Content-Range when the range lies
   * outside the file), so players can seek without downloading everything first.
   */
  private async serveRange(file: StoredFile) {
    const size = await this.files.storedSize(file);
    const range = byteRange(this.ctx.get('Range') || undefined, size);
    this.ctx.set('Accept-Ranges', 'bytes');
    this.ctx.set('X-Content-Type-Options', 'nosniff');
    this.ctx.set('Cache-Control', 'private, max-age=3600');
    if (range.kind === 'unsatisfiable') {
      this.ctx.set('Content-Range', `bytes */${size}`);
      this.ctx.status = 416;
      this.ctx.type = 'application/json';
      return { error: { code: 'RANGE_NOT_SATISFIABLE', message: '请求的视频片段超出文件范围' } };
    }
    this.ctx.type = file.mime;
    if (range.kind === 'full') return this.files.contentRange(file, 0, size - 1);
    this.ctx.status = 206;
    this.ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    return this.files.contentRange(file, range.start, range.end);
  }
}
