import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import { registryLimits } from '@zhili/shared';
import type { ApiSuccess, ImportJobVO, ImportKind } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { AppError } from '../../../core/errors/app-error';
import { clientInfo } from '../../../core/http/client-info';
import { RateLimit } from '../../../core/http/rate-limit';
import type { Acting } from '../../../core/audit';
import { ExportService } from './export.service';
import { ImportService } from './import.service';
import { readMultipart } from '../../../core/http/multipart';
import { HouseholdExportQueryDTO, PersonExportQueryDTO, TemplateQueryDTO } from './transfer.dto';
import { attachmentHeader, XLSX_MIME } from './xlsx-writer';

const KINDS: readonly ImportKind[] = ['persons', 'households'];
const kindNames: Record<ImportKind, string> = { persons: '人员', households: '户' };

/** yyyymmdd in Asia/Shanghai, for file names. */
const stamp = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');

/** Excel templates, imports (background jobs) and exports of persons and households. */
@ApiTags('管理端 · 人口导入导出')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin/registry')
export class TransferController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private imports!: ImportService;

  @Inject()
  private exports!: ExportService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  private download(buffer: Buffer, fileName: string, ascii: string): Buffer {
    this.ctx.set('Content-Type', XLSX_MIME);
    this.ctx.set('Content-Disposition', attachmentHeader(fileName, ascii));
    this.ctx.set('Cache-Control', 'no-store');
    return buffer;
  }

  @Get('/imports/template')
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '下载导入模板（.xlsx，含下拉选项、填写说明和本人管辖区域内的示例行）' })
  async template(@Query() query: TemplateQueryDTO): Promise<Buffer> {
    return this.download(await this.imports.template(this.acting(), query.kind), `${kindNames[query.kind]}导入模板.xlsx`, `${query.kind}-template.xlsx`);
  }

  @Post('/imports')
  @HttpCode(202)
  @RequirePermission('person:manage')
  @RateLimit({ name: 'registry.import', limit: 30, windowSec: 600 })
  @ApiOperation({ summary: '上传 Excel 导入人员或户（multipart：file、kind、dryRun），后台执行，返回任务' })
  async startImport(): Promise<ApiSuccess<ImportJobVO>> {
    const upload = await readMultipart(this.ctx.req, { maxFileBytes: registryLimits.importBytes.max, fileField: 'file' });
    const kind = upload.fields.kind as ImportKind;
    if (!KINDS.includes(kind)) throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'kind', message: '类型应为 persons 或 households' }]);
    const dryRun = upload.fields.dryRun ?? 'true';
    if (dryRun !== 'true' && dryRun !== 'false') throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'dryRun', message: 'dryRun 应为 true 或 false' }]);
    if (!upload.file) throw new AppError('VALIDATION_FAILED', undefined, [{ field: 'file', message: '请选择要导入的 Excel 文件' }]);
    const job = await this.imports.start(this.acting(), { kind, dryRun: dryRun === 'true', fileName: upload.file.fileName, buffer: upload.file.buffer });
    return { data: job };
  }

  @Get('/imports/:id')
  @RequirePermission('person:manage')
  @ApiOperation({ summary: '导入任务进度与结果（仅发起人可查）' })
  async job(@Param('id') id: string): Promise<ApiSuccess<ImportJobVO>> {
    return { data: await this.imports.get(this.acting(), id) };
  }

  @Get('/exports/persons')
  @RequirePermission('data:export')
  @RateLimit({ name: 'registry.export', limit: 20, windowSec: 600 })
  @ApiOperation({ summary: '导出人员（.xlsx，按管辖范围与筛选条件，身份证号和手机号脱敏，记审计）' })
  async exportPersons(@Query() query: PersonExportQueryDTO): Promise<Buffer> {
    const file = await this.exports.persons(this.acting(), query);
    return this.download(file.buffer, `人员导出-${stamp()}.xlsx`, `persons-${stamp()}.xlsx`);
  }

  @Get('/exports/households')
  @RequirePermission('data:export')
  @RateLimit({ name: 'registry.export', limit: 20, windowSec: 600 })
  @ApiOperation({ summary: '导出户（.xlsx，按管辖范围与筛选条件，户主证件号脱敏，记审计）' })
  async exportHouseholds(@Query() query: HouseholdExportQueryDTO): Promise<Buffer> {
    const file = await this.exports.households(this.acting(), query);
    return this.download(file.buffer, `户导出-${stamp()}.xlsx`, `households-${stamp()}.xlsx`);
  }
}
