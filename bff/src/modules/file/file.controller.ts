import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess, StoredFileVO } from '@zhili/shared';
import { ForPrincipal, Public } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { RequirePermission } from '../../core/auth/require-permission.decorator';
import { RateLimit, RateLimitRule } from '../../core/http/rate-limit';
import { FileLinkQueryDTO, StoredFileDoc } from './file.dto';
import { FileLinkService, FILE_LINK_TTL_SEC } from './file-link.service';
import { FileService } from './file.service';
import { readSingleFile } from './multipart';

/** Photos per caller per minute: a visit takes three, a busy morning maybe a dozen. */
const UPLOAD_LIMIT: RateLimitRule = { name: 'file.upload', limit: 30, windowSec: 60 };

async function uploadFrom(ctx: Context, files: FileService, links: FileLinkService): Promise<ApiSuccess<StoredFileVO>> {
  const part = await readSingleFile(ctx);
  const file = await files.upload(principalOf(ctx), part.bytes);
  return { data: links.toVO(file) };
}

/** Photo upload from the admin portal (visits recorded by staff). */
@ApiTags('管理端 · 文件')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class AdminFileController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private files!: FileService;

  @Inject()
  private links!: FileLinkService;

  @Post('/files')
  @HttpCode(201)
  @RequirePermission('person:read')
  @RateLimit(UPLOAD_LIMIT)
  @ApiOperation({ summary: '上传图片（字段 file，≤ 5 MB，JPG/PNG/WebP，自动去除 EXIF）' })
  @ApiResponse({ status: 201, type: StoredFileDoc })
  async upload(): Promise<ApiSuccess<StoredFileVO>> {
    return uploadFrom(this.ctx, this.files, this.links);
  }
}

/** Photo upload from the mini-program (走访 photos now, case reports later). */
@ApiTags('小程序 · 文件')
@ApiBearerAuth()
@ForPrincipal('mp')
@Controller('/api/mp')
export class MpFileController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private files!: FileService;

  @Inject()
  private links!: FileLinkService;

  @Post('/files')
  @HttpCode(201)
  @RateLimit(UPLOAD_LIMIT)
  @ApiOperation({ summary: '上传图片（字段 file，≤ 5 MB，JPG/PNG/WebP，自动去除 EXIF）' })
  @ApiResponse({ status: 201, type: StoredFileDoc })
  async upload(): Promise<ApiSuccess<StoredFileVO>> {
    return uploadFrom(this.ctx, this.files, this.links);
  }
}

/**
 * Serving a stored file by signed link. Public because `<img>` cannot send a bearer token: the
 * signature (given out only with a record the caller may see) is the permission.
 */
@ApiTags('文件')
@Controller('/api/files')
export class FileLinkController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private files!: FileService;

  @Inject()
  private links!: FileLinkService;

  @Get('/:id')
  @Public()
  @ApiOperation({ summary: '按签名地址读取图片（10 分钟有效）' })
  async get(@Param('id') id: string, @Query() query: FileLinkQueryDTO): Promise<Buffer> {
    this.links.verify(id, query.exp, query.sig);
    const { file, bytes } = await this.files.content(id);
    this.ctx.type = file.mime;
    this.ctx.set('Cache-Control', `private, max-age=${FILE_LINK_TTL_SEC}`);
    this.ctx.set('X-Content-Type-Options', 'nosniff');
    return bytes;
  }
}
