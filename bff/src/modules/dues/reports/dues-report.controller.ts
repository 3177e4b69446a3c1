import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { duesReportRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { RateLimit } from '../../../core/http/rate-limit';
import { attachmentHeader, XLSX_MIME } from '../../registry';
import { monthlyReportXlsx } from './dues-report-export';
import { DuesReportService } from './dues-report.service';

/** 党费收缴月报 in the portal: per branch and month within the caller's party scope, and its xlsx. */
@ForPrincipal('staff')
@Controller('/')
export class DuesReportController {
  @Inject()
  ctx!: Context;

  @Inject()
  private reports!: DuesReportService;

  @Api(duesReportRoutes.monthly)
  async monthly({ query }: RouteInput<typeof duesReportRoutes.monthly>) {
    return { data: await this.reports.monthly(principalOf(this.ctx), query) };
  }

  @Api(duesReportRoutes.monthlyExport)
  @RateLimit({ name: 'dues.report.export', limit: 20, windowSec: 600 })
  async monthlyExport({ query }: RouteInput<typeof duesReportRoutes.monthlyExport>) {
    const actor = principalOf(this.ctx);
    const report = await this.reports.monthly(actor, query);
    const buffer = await monthlyReportXlsx(report);
    await this.reports.recordExport({ actor, client: clientInfo(this.ctx) }, report);
    const { from, to } = report;
    this.ctx.set('Content-Type', XLSX_MIME);
    this.ctx.set(
      'Content-Disposition',
      attachmentHeader(`党费收缴月报-${from}-${to}.xlsx`, `dues-report-${from}-${to}.xlsx`),
    );
    this.ctx.set('Cache-Control', 'no-store');
    this.ctx.body = buffer;
  }
}
