import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { examBankRoutes as R, examLimits } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import type { Acting } from '../../../core/audit';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { readMultipart } from '../../../core/http/multipart';
import { RateLimit } from '../../../core/http/rate-limit';
import { attachmentHeader, XLSX_MIME } from '../../registry';
import { QuestionImportService } from './question-import.service';
import { QuestionService } from './question.service';

const fieldError = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', undefined, [{ field, message }]);

/** 题库: questions, categories, Excel import with a dry run. */
@ForPrincipal('staff')
@Controller('/')
export class ExamBankController {
  @Inject()
  ctx!: Context;

  @Inject()
  private questions!: QuestionService;

  @Inject()
  private imports!: QuestionImportService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(R.questions)
  async list({ query }: RouteInput<typeof R.questions>) {
    const { items, total } = await this.questions.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(R.categories)
  async categories() {
    return { data: await this.questions.categories(principalOf(this.ctx)) };
  }

  @Api(R.question)
  async get({ params }: RouteInput<typeof R.question>) {
    return { data: await this.questions.get(principalOf(this.ctx), params.id) };
  }

  @Api(R.createQuestion)
  async create({ body }: RouteInput<typeof R.createQuestion>) {
    return { data: await this.questions.create(this.acting(), body) };
  }

  @Api(R.updateQuestion)
  async update({ params, body }: RouteInput<typeof R.updateQuestion>) {
    return { data: await this.questions.update(this.acting(), params.id, body) };
  }

  @Api(R.deleteQuestion)
  async remove({ params }: RouteInput<typeof R.deleteQuestion>) {
    await this.questions.remove(this.acting(), params.id);
  }

  @Api(R.importTemplate)
  async importTemplate() {
    this.ctx.set('Content-Type', XLSX_MIME);
    this.ctx.set('Content-Disposition', attachmentHeader('题目导入模板.xlsx', 'exam-questions-template.xlsx'));
    this.ctx.set('Cache-Control', 'no-store');
    this.ctx.body = await this.imports.template();
  }

  @Api(R.startImport)
  @RateLimit({ name: 'exam.import', limit: 30, windowSec: 600 })
  async startImport() {
    const upload = await readMultipart(this.ctx.req, { maxFileBytes: examLimits.importBytes.max, fileField: 'file' });
    const dryRun = upload.fields.dryRun ?? 'true';
    if (dryRun !== 'true' && dryRun !== 'false') throw fieldError('dryRun', 'dryRun 应为 true 或 false');
    const orgId = (upload.fields.orgId ?? '').trim();
    if (!orgId || orgId.length > 36) throw fieldError('orgId', '请选择题目所属的党组织');
    if (!upload.file) throw fieldError('file', '请选择要导入的 Excel 文件');
    const job = await this.imports.start(this.acting(), {
      dryRun: dryRun === 'true',
      fileName: upload.file.fileName,
      buffer: upload.file.buffer,
      orgId,
    });
    return { data: job };
  }

  @Api(R.importJob)
  async importJob({ params }: RouteInput<typeof R.importJob>) {
    return { data: await this.imports.get(this.acting(), params.id) };
  }
}
