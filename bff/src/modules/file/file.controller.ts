import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { fileRoutes } from '@zhili/shared';
import type { RouteInput, StoredFileVO } from '@zhili/shared';
import { ForPrincipal, Public } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { Api } from '../../core/http/contract';
import { RateLimit, RateLimitRule } from '../../core/http/rate-limit';
import { FileLinkService, FILE_LINK_TTL_SEC } from './file-link.service';
import { FileService, PDF_MIME } from './file.service';
import { readSingleFile } from './multipart';

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
    this.links.verify(params.id, query.exp, query.sig);
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
}
