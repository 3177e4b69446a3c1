import { Controller, Inject } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { STUDY_REMINDER_INTERVAL_MS, studyAnalysisRoutes } from '@zhili/shared';
import type { RouteInput } from '@zhili/shared';
import type { Acting } from '../../../core/audit';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { Api } from '../../../core/http/contract';
import { clientInfo } from '../../../core/http/client-info';
import { RateLimit } from '../../../core/http/rate-limit';
import { attachmentHeader, XLSX_MIME } from '../../registry';
import { StudyAnalysisService } from './study-analysis.service';
import { StudyReminderPush } from './study-reminder-push';
import { StudyReminderService } from './study-reminder.service';
import { StudyReportService } from './study-report.service';

/** 进度分析 in the portal: progress by course and member, laggards and reminders, the xlsx report. */
@ForPrincipal('staff')
@Controller('/')
export class StudyAnalysisController {
  @Inject()
  ctx!: Context;

  @Inject()
  private analysis!: StudyAnalysisService;

  @Inject()
  private reminders!: StudyReminderService;

  @Inject()
  private push!: StudyReminderPush;

  @Inject()
  private reports!: StudyReportService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Api(studyAnalysisRoutes.courses)
  async courses({ query }: RouteInput<typeof studyAnalysisRoutes.courses>) {
    const { items, total } = await this.analysis.courses(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(studyAnalysisRoutes.courseMembers)
  async courseMembers({ params, query }: RouteInput<typeof studyAnalysisRoutes.courseMembers>) {
    const { items, total } = await this.analysis.courseMembers(principalOf(this.ctx), params.id, query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(studyAnalysisRoutes.member)
  async member({ params }: RouteInput<typeof studyAnalysisRoutes.member>) {
    return { data: await this.analysis.member(principalOf(this.ctx), params.id) };
  }

  @Api(studyAnalysisRoutes.laggards)
  async laggards({ query }: RouteInput<typeof studyAnalysisRoutes.laggards>) {
    const { items, total } = await this.analysis.laggards(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Api(studyAnalysisRoutes.reminderStatus)
  async reminderStatus() {
    return { data: { enabled: this.push.enabled, intervalHours: STUDY_REMINDER_INTERVAL_MS / 3_600_000 } };
  }

  @Api(studyAnalysisRoutes.sendReminders)
  @RateLimit({ name: 'study.reminders', limit: 30, windowSec: 600 })
  async sendReminders({ body }: RouteInput<typeof studyAnalysisRoutes.sendReminders>) {
    return { data: await this.reminders.send(this.acting(), body) };
  }

  @Api(studyAnalysisRoutes.reportXlsx)
  @RateLimit({ name: 'study.report', limit: 20, windowSec: 600 })
  async reportXlsx({ query }: RouteInput<typeof studyAnalysisRoutes.reportXlsx>) {
    const { buffer, from, to } = await this.reports.xlsx(this.acting(), query);
    this.ctx.set('Content-Type', XLSX_MIME);
    this.ctx.set(
      'Content-Disposition',
      attachmentHeader(`学习报表-${from}-${to}.xlsx`, `study-report-${from}-${to}.xlsx`),
    );
    this.ctx.set('Cache-Control', 'no-store');
    this.ctx.body = buffer;
  }
}
