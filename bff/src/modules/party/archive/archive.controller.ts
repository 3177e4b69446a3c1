import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { partyArchiveRoutes, partyImportLimits } from '@zhili/shared';
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
import { ArchiveExportService } from './archive-export.service';
import { ContactBookService } from './contact-book.service';
import { DocumentService } from './document.service';
import { MemberImportService } from './member-import.service';

/** yyyymmdd in Asia/Shanghai, for file names. */
const stamp = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');

/** 电子信息库: member import and export, the annual report, the document cabinet, the contact book. */
@ForPrincipal('staff')
@Controller('/')
export class PartyArchiveController {
  @Inject()
  ctx!: Context;

  @Inject()
  private imports!: MemberImportService;

  @Inject()
  private exports!: ArchiveExportService;

  @Inject()
  private documents!: DocumentService;

  @Inject()
  private contacts!: ContactBookService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  /** A file answer (`responseKind: 'file'`): the bytes, not an envelope. */
  private download(buffer: Buffer, fileName: string, ascii: string): void {
    this.ctx.set('Content-Type', XLSX_MIME);
    this.ctx.set('Content-Disposition', attachmentHeader(fileName, ascii));
    this.ctx.set('Cache-Control', 'no-store');
    this.ctx.body = buffer;
  }

  @Api(partyArchiveRoutes.importTemplate)
  async importTemplate() {
    this.download(await this.imports.template(), '党员导入模板.xlsx', 'party-members-template.xlsx');
  }

  @Api(partyArchiveRoutes.startImport)
  @RateLimit({ name: 'party.import', limit: 30, windowSec: 600 })
  async startImport() {
    const upload = await readMultipart(this.ctx.req, {
      maxFileBytes: partyImportLimits.bytes.max,
      fileField: 'file',
    });
    const dryRun = upload.fields.dryRun ?? 'true';
    if (dryRun !== 'true' && dryRun !== 'false')
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'dryRun', message: 'dryRun 应为 true 或 false' }]);
    if (!upload.file)
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'file', message: '请选择要导入的 Excel 文件' }]);
    const job = await this.imports.start(this.acting(), {
      dryRun: dryRun === 'true',
      fileName: upload.file.fileName,
      buffer: upload.file.buffer,
    });
    return { data: job };
  }

  @Api(partyArchiveRoutes.importJob)
  async importJob({ params }: RouteInput<typeof partyArchiveRoutes.importJob>) {
    return { data: await this.imports.get(this.acting(), params.id) };
  }

  @Api(partyArchiveRoutes.exportMembers)
  @RateLimit({ name: 'party.export', limit: 20, windowSec: 600 })
  async exportMembers({ query }: RouteInput<typeof partyArchiveRoutes.exportMembers>) {
    const buffer = await this.exports.exportMembers(this.acting(), query.orgId);
    this.download(buffer, `党员名册-${stamp()}.xlsx`, `party-members-${stamp()}.xlsx`);
  }

  @Api(partyArchiveRoutes.report)
  async report({ query }: RouteInput<typeof partyArchiveRoutes.report>) {
    return { data: await this.exports.report(principalOf(this.ctx), query.year, query.orgId) };
  }

  @Api(partyArchiveRoutes.reportXlsx)
  @RateLimit({ name: 'party.export', limit: 20, windowSec: 600 })
  async reportXlsx({ query }: RouteInput<typeof partyArchiveRoutes.reportXlsx>) {
    const { buffer, year } = await this.exports.reportXlsx(this.acting(), query.year, query.orgId);
    this.download(buffer, `党员年度报表-${year}.xlsx`, `party-report-${year}.xlsx`);
  }

  @Api(partyArchiveRoutes.documents)
  async documentList({ query }: RouteInput<typeof partyArchiveRoutes.documents>) {
    const { items, total } = await this.documents.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(partyArchiveRoutes.createDocument)
  async createDocument({ body }: RouteInput<typeof partyArchiveRoutes.createDocument>) {
    return { data: await this.documents.create(this.acting(), body) };
  }

  @Api(partyArchiveRoutes.updateDocument)
  async updateDocument({ params, body }: RouteInput<typeof partyArchiveRoutes.updateDocument>) {
    return { data: await this.documents.update(this.acting(), params.id, body) };
  }

  @Api(partyArchiveRoutes.deleteDocument)
  async deleteDocument({ params }: RouteInput<typeof partyArchiveRoutes.deleteDocument>) {
    await this.documents.remove(this.acting(), params.id);
  }

  @Api(partyArchiveRoutes.contacts)
  async contactList({ query }: RouteInput<typeof partyArchiveRoutes.contacts>) {
    const { items, total } = await this.contacts.forStaff(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }
}
