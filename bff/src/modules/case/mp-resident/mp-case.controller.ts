import { Body, Controller, Del, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import type { ApiList, ApiSuccess, CaseCategoryVO, CaseSubscribeTemplatesVO, MpCaseDetailVO, MpCaseItemVO, NearbyCaseVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RateLimit } from '../../../core/http/rate-limit';
import { MpCaseDisputeDTO, MpCaseListQueryDTO, MpCaseRateDTO, MpCaseSubmitDTO, MpCaseSubscriptionsDTO, MpNearbyQueryDTO } from './mp-case.dto';
import { MpCaseActionsService } from './mp-case-actions.service';
import { MpCaseQueryService } from './mp-case-query.service';
import { MpCaseSubmitService } from './mp-case-submit.service';
import { MpCaseViews } from './mp-case-views';

/** Submissions per resident per hour (a real resident files a few a month; this stops scripts). */
const SUBMIT_LIMIT = { name: 'case.mp.submit', limit: 20, windowSec: 3600 } as const;

/**
 * The resident's side of 随手拍 (any mini-program user): report a problem, see nearby reports to +1
 * instead of filing a duplicate, follow their own and followed cases, rate or dispute the result.
 * A resident only ever reads cases they filed or follow (anything else is 404).
 */
@ApiTags('小程序 · 随手拍')
@ApiBearerAuth()
@ForPrincipal('mp')
@Controller('/api/mp')
export class MpCaseController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private query!: MpCaseQueryService;

  @Inject()
  private submitter!: MpCaseSubmitService;

  @Inject()
  private actions!: MpCaseActionsService;

  @Inject()
  private views!: MpCaseViews;

  private me() {
    return principalOf(this.ctx);
  }

  private async detailOf(caseId: string): Promise<ApiSuccess<MpCaseDetailVO>> {
    const { record } = await this.query.visible(this.me().id, caseId);
    return { data: await this.views.detail(record, this.me().id) };
  }

  @Get('/case-categories')
  @ApiOperation({ summary: '可选的问题类型（启用的，按排序）' })
  async categories(): Promise<ApiSuccess<CaseCategoryVO[]>> {
    return { data: await this.query.activeCategories() };
  }

  @Get('/cases/subscribe-templates')
  @ApiOperation({ summary: '提交后请求订阅的消息模板 id（受理、派单、办结）' })
  async templates(): Promise<ApiSuccess<CaseSubscribeTemplatesVO>> {
    return { data: this.query.templates() };
  }

  @Get('/cases/nearby')
  @ApiOperation({ summary: '附近同类未办结问题（最多 10 条，由近到远），可附议而不重复上报' })
  async nearby(@Query() q: MpNearbyQueryDTO): Promise<ApiSuccess<NearbyCaseVO[]>> {
    return { data: await this.query.nearby(this.me().id, q) };
  }

  @Post('/cases')
  @RateLimit(SUBMIT_LIMIT)
  @ApiOperation({ summary: '上报问题（照片先通过 /api/mp/files 上传）；同一 idempotencyKey 重复提交返回 200 与同一工单' })
  async submit(@Body() body: MpCaseSubmitDTO): Promise<ApiSuccess<MpCaseDetailVO>> {
    const { record, created } = await this.submitter.submit(this.me(), body);
    // Not @HttpCode: it would be applied after the handler and hide the resend's 200.
    this.ctx.status = created ? 201 : 200;
    return { data: await this.views.detail(record, this.me().id) };
  }

  @Get('/cases')
  @ApiOperation({ summary: '我上报的 / 我附议的问题' })
  async list(@Query() q: MpCaseListQueryDTO): Promise<ApiList<MpCaseItemVO>> {
    const { items, total } = await this.query.list(this.me().id, q);
    return { data: items, page: { page: q.page, pageSize: q.pageSize, total } };
  }

  @Get('/cases/:id')
  @ApiOperation({ summary: '问题详情与办理进度（仅上报人和附议人可见）' })
  async detail(@Param('id') id: string): Promise<ApiSuccess<MpCaseDetailVO>> {
    return this.detailOf(id);
  }

  @Post('/cases/:id/follow')
  @ApiOperation({ summary: '附议（+1）他人上报的问题' })
  async follow(@Param('id') id: string): Promise<ApiSuccess<{ followed: boolean; followerCount: number }>> {
    return { data: await this.actions.follow(this.me(), id) };
  }

  @Del('/cases/:id/follow')
  @ApiOperation({ summary: '取消附议' })
  async unfollow(@Param('id') id: string): Promise<ApiSuccess<{ followed: boolean; followerCount: number }>> {
    return { data: await this.actions.unfollow(this.me(), id) };
  }

  @Post('/cases/:id/rate')
  @ApiOperation({ summary: '评价办理结果（1-5 星，仅上报人，一次）' })
  async rate(@Param('id') id: string, @Body() body: MpCaseRateDTO): Promise<ApiSuccess<MpCaseDetailVO>> {
    await this.actions.rate(this.me(), id, body.rating, body.comment);
    return this.detailOf(id);
  }

  @Post('/cases/:id/dispute')
  @ApiOperation({ summary: '反馈问题未解决（办结后 7 天内，仅上报人）' })
  async dispute(@Param('id') id: string, @Body() body: MpCaseDisputeDTO): Promise<ApiSuccess<MpCaseDetailVO>> {
    await this.actions.dispute(this.me(), id, body.reason, body.photoIds);
    return this.detailOf(id);
  }

  @Post('/cases/:id/subscriptions')
  @ApiOperation({ summary: '记录用户同意订阅的消息模板（仅上报人）' })
  async subscribe(@Param('id') id: string, @Body() body: MpCaseSubscriptionsDTO): Promise<ApiSuccess<{ ok: true }>> {
    await this.actions.subscribe(this.me(), id, body.templateIds);
    return { data: { ok: true } };
  }
}
