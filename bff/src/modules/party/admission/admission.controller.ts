import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { partyAdmissionRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import type { Acting } from '../../../core/audit';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { readMultipart } from '../../../core/http/multipart';
import { RateLimit, type RateLimitRule } from '../../../core/http/rate-limit';
import { AppError } from '../../../core/errors/app-error';
import { FileLinkService, FileService } from '../../file';
import { AdmissionCommandService } from './admission-command.service';
import { AdmissionQueryService } from './admission-query.service';

/** Papers per caller per minute: a step takes a few photos. */
const UPLOAD_LIMIT: RateLimitRule = { name: 'party.file.upload', limit: 30, windowSec: 60 };

/** 发展党员: the board of the caller's branches, each applicant's record and its steps. */
@ForPrincipal('staff')
@Controller('/')
export class PartyAdmissionController {
  @Inject()
  ctx!: Context;

  @Inject()
  private admissions!: AdmissionQueryService;

  @Inject()
  private commands!: AdmissionCommandService;

  @Inject()
  private files!: FileService;

  @Inject()
  private links!: FileLinkService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(partyAdmissionRoutes.list)
  async list({ query }: RouteInput<typeof partyAdmissionRoutes.list>) {
    const { items, total } = await this.admissions.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(partyAdmissionRoutes.summary)
  async summary() {
    return { data: await this.admissions.summary(principalOf(this.ctx)) };
  }

  @Api(partyAdmissionRoutes.get)
  async get({ params }: RouteInput<typeof partyAdmissionRoutes.get>) {
    return { data: await this.admissions.detail(principalOf(this.ctx), params.id) };
  }

  @Api(partyAdmissionRoutes.create)
  async create({ body }: RouteInput<typeof partyAdmissionRoutes.create>) {
    return { data: await this.commands.create(this.acting(), body) };
  }

  @Api(partyAdmissionRoutes.act)
  async act({ params, body }: RouteInput<typeof partyAdmissionRoutes.act>) {
    return { data: await this.commands.act(this.acting(), params.id, body) };
  }

  /**
   * Photos of the papers of a step (talk record, approval form), attached when the step is recorded.
   * With `?kind=document` (the document cabinet) a PDF is also accepted; it can then be attached
   * only to a document, never where a photo is expected.
   */
  @Api(partyAdmissionRoutes.upload)
  @RateLimit(UPLOAD_LIMIT)
  async upload({ query }: RouteInput<typeof partyAdmissionRoutes.upload>) {
    const accept = query.kind === 'document' ? 'documents' : 'images';
    const upload = await readMultipart(this.ctx.req, {
      maxFileBytes: this.files.maxUploadBytes(accept),
      fileField: 'file',
    });
    if (!upload.file || upload.file.buffer.length === 0)
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'file', message: '请选择要上传的文件' }]);
    const file = await this.files.upload(principalOf(this.ctx), upload.file.buffer, new Date(), accept);
    return { data: this.links.toVO(file) };
  }
}
