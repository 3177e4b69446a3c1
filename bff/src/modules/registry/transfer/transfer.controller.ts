import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { registryLimits, transferRoutes } from '@zhili/shared';
import type { ImportKind, RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { AppError } from '../../../core/errors/app-error';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { RateLimit } from '../../../core/http/rate-limit';
import type { Acting } from '../../../core/audit';
import { ExportService } from './export.service';
import { ImportService } from './import.service';
import { readMultipart } from '../../../core/http/multipart';
import { attachmentHeader, XLSX_MIME } from './xlsx-writer';

const KINDS: readonly ImportKind[] = ['persons', 'households'];
const kindNames: Record<ImportKind, string> = { persons: '人员', households: '户' };

/** yyyymmdd in Asia/Shanghai, for file names. */
const stamp = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');

/** Excel templates, imports (background jobs) and exports of persons and households. */
@ForPrincipal('staff')
@Controller('/')
export class TransferController {
  @Inject()
  ctx!: Context;

  @Inject()
  private imports!: ImportService;

  @Inject()
  private exports!: ExportService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  /** A file answer: the contract's `responseKind: 'file'` routes send the bytes, not an envelope. */
  private download(buffer: Buffer, fileName: string, ascii: string): void {
    this.ctx.set('Content-Type', XLSX_MIME);
    this.ctx.set('Content-Disposition', attachmentHeader(fileName, ascii));
    this.ctx.set('Cache-Control', 'no-store');
    this.ctx.body = buffer;
  }

  @Api(transferRoutes.template)
  async template({ query }: RouteInput<typeof transferRoutes.template>) {
    this.download(
      await this.imports.template(this.acting(), query.kind),
      `${kindNames[query.kind]}导入模板.xlsx`,
      `${query.kind}-template.xlsx`,
    );
  }

  @Api(transferRoutes.startImport)
  @RateLimit({ name: 'registry.import', limit: 30, windowSec: 600 })
  async startImport() {
    const upload = await readMultipart(this.ctx.req, {
      maxFileBytes: registryLimits.importBytes.max,
      fileField: 'file',
    });
    const kind = upload.fields.kind as ImportKind;
    if (!KINDS.includes(kind))
      throw new AppError('VALIDATION_FAILED', undefined, [
        { field: 'kind', message: '类型应为 persons 或 households' },
      ]);
    const dryRun = upload.fields.dryRun ?? 'true';
    if (dryRun !== 'true' && dryRun !== 'false')
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'dryRun', message: 'dryRun 应为 true 或 false' }]);
    if (!upload.file)
      throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'file', message: '请选择要导入的 Excel 文件' }]);
    const job = await this.imports.start(this.acting(), {
      kind,
      dryRun: dryRun === 'true',
      fileName: upload.file.fileName,
      buffer: upload.file.buffer,
    });
    return { data: job };
  }

  @Api(transferRoutes.job)
  async job({ params }: RouteInput<typeof transferRoutes.job>) {
    return { data: await this.imports.get(this.acting(), params.id) };
  }

  @Api(transferRoutes.exportPersons)
  @RateLimit({ name: 'registry.export', limit: 20, windowSec: 600 })
  async exportPersons({ query }: RouteInput<typeof transferRoutes.exportPersons>) {
    const file = await this.exports.persons(this.acting(), query);
    this.download(file.buffer, `人员导出-${stamp()}.xlsx`, `persons-${stamp()}.xlsx`);
  }

  @Api(transferRoutes.exportHouseholds)
  @RateLimit({ name: 'registry.export', limit: 20, windowSec: 600 })
  async exportHouseholds({ query }: RouteInput<typeof transferRoutes.exportHouseholds>) {
    const file = await this.exports.households(this.acting(), query);
    this.download(file.buffer, `户导出-${stamp()}.xlsx`, `households-${stamp()}.xlsx`);
  }
}
