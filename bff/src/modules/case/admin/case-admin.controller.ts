import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import { Permission } from '@zhili/shared';
import type {
  ApiList,
  ApiSuccess,
  CaseBatchResult,
  CaseDetailVO,
  CaseListItemVO,
  CaseMapPointVO,
  CasePiiVO,
  CaseStatsVO,
  DispatchCandidatesVO,
  RegionWorkerVO,
} from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { CaseStatsService } from '../stats/case-stats.service';
import { CaseActionDTO, CaseBatchDispatchDTO, CaseNoteDTO } from './case-action.dto';
import { CaseAdminCommandService } from './case-command.service';
import { CaseRelocateDTO, DispatchCandidatesQueryDTO } from './case-dispatch.dto';
import { CaseRelocateService } from './case-relocate.service';
import { DispatchCandidatesService } from './dispatch-candidates.service';
import { CreateCaseDTO } from './case-entry.dto';
import { CaseEntryService } from './case-entry.service';
import { CaseFilterQueryDTO, CaseListQueryDTO, CaseStatsQueryDTO } from './case-query.dto';
import { CaseAdminQueryService } from './case-query.service';

/** 工单: the staff case console (inbox, map, statistics, detail and actions), limited to the caller's region subtree. */
@ApiTags('管理端 · 工单')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class CaseAdminController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private cases!: CaseAdminQueryService;

  @Inject()
  private commands!: CaseAdminCommandService;

  @Inject()
  private entry!: CaseEntryService;

  @Inject()
  private statistics!: CaseStatsService;

  @Inject()
  private candidates!: DispatchCandidatesService;

  @Inject()
  private relocation!: CaseRelocateService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Get('/cases')
  @RequirePermission(Permission.CaseRead)
  @ApiOperation({ summary: '工单列表：状态（可多选）、类型、区域（含下级）、来源、优先级、编号或描述、处理人、超时、提交时间筛选' })
  async list(@Query() query: CaseListQueryDTO): Promise<ApiList<CaseListItemVO>> {
    const { items, total } = await this.cases.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Get('/cases/map')
  @RequirePermission(Permission.CaseRead)
  @ApiOperation({ summary: '地图点位：与列表相同的筛选，有位置的工单，最新的 5000 个' })
  async map(@Query() query: CaseFilterQueryDTO): Promise<ApiSuccess<CaseMapPointVO[]>> {
    return { data: await this.cases.map(principalOf(this.ctx), query) };
  }

  @Get('/cases/stats')
  @RequirePermission(Permission.CaseRead)
  @ApiOperation({ summary: '工单统计：状态、类型、下级区域、来源、按时办结率、平均办理时长、满意度、每日趋势（默认近 30 天）' })
  async stats(@Query() query: CaseStatsQueryDTO): Promise<ApiSuccess<CaseStatsVO>> {
    return { data: await this.statistics.stats(principalOf(this.ctx), { regionId: query.regionId || undefined, from: query.from, to: query.to }) };
  }

  @Post('/cases')
  @HttpCode(201)
  @RequirePermission(Permission.CaseDispatch)
  @ApiOperation({ summary: '录入工单（电话、来访），来源为后台录入；位置或区域须在本人管辖范围内' })
  async create(@Body() body: CreateCaseDTO): Promise<ApiSuccess<CaseDetailVO>> {
    return { data: await this.entry.create(principalOf(this.ctx), body) };
  }

  @Post('/cases/batch-dispatch')
  @RequirePermission(Permission.CaseDispatch)
  @ApiOperation({ summary: '批量派单：逐个派发，失败的不影响其他工单' })
  async batchDispatch(@Body() body: CaseBatchDispatchDTO): Promise<ApiSuccess<CaseBatchResult>> {
    return { data: await this.commands.batchDispatch(this.acting(), body.caseIds, body.assignee) };
  }

  @Get('/cases/:id')
  @RequirePermission(Permission.CaseRead)
  @ApiOperation({ summary: '工单详情：时间线、照片、可执行的操作（联系电话已脱敏）' })
  async detail(@Param('id') id: string): Promise<ApiSuccess<CaseDetailVO>> {
    return { data: await this.cases.detail(principalOf(this.ctx), id) };
  }

  @Get('/cases/:id/pii')
  @RequirePermission(Permission.PiiRead)
  @ApiOperation({ summary: '查看未脱敏的联系电话和上报人姓名（记录审计日志）' })
  async pii(@Param('id') id: string): Promise<ApiSuccess<CasePiiVO>> {
    return { data: await this.cases.pii(this.acting(), id) };
  }

  @Get('/cases/:id/assignees')
  @RequirePermission(Permission.CaseRead)
  @ApiOperation({ summary: '可派单对象：工单所在网格及其村（社区）的工作人员和网格员' })
  async assignees(@Param('id') id: string): Promise<ApiSuccess<RegionWorkerVO[]>> {
    return { data: await this.cases.assignees(principalOf(this.ctx), id) };
  }

  @Get('/cases/:id/dispatch-candidates')
  @RequirePermission(Permission.CaseDispatch)
  @ApiOperation({ summary: '派单候选人：本网格、本村（社区）、本镇分组，可按姓名查找；不能选择的注明原因（已停用、不在管辖范围、未绑定网格）' })
  async dispatchCandidates(@Param('id') id: string, @Query() query: DispatchCandidatesQueryDTO): Promise<ApiSuccess<DispatchCandidatesVO>> {
    return { data: await this.candidates.candidates(principalOf(this.ctx), id, query.q ?? '') };
  }

  @Post('/cases/:id/location')
  @RequirePermission(Permission.CaseDispatch)
  @ApiOperation({ summary: '更正位置：新位置和/或所属网格（只给位置时按位置确定网格），须填写原因；记入时间线和审计日志' })
  async relocate(@Param('id') id: string, @Body() body: CaseRelocateDTO): Promise<ApiSuccess<CaseDetailVO>> {
    return { data: await this.relocation.relocate(this.acting(), id, body) };
  }

  @Post('/cases/:id/actions')
  @RequirePermission(Permission.CaseDispatch)
  @ApiOperation({ summary: '办理工单：受理、不予受理、派单、办结、转办、上报、关闭、重启、合并（带 version 防止重复操作）' })
  async act(@Param('id') id: string, @Body() body: CaseActionDTO): Promise<ApiSuccess<CaseDetailVO>> {
    return { data: await this.commands.act(this.acting(), id, body) };
  }

  @Post('/cases/:id/notes')
  @RequirePermission(Permission.CaseDispatch)
  @ApiOperation({ summary: '添加进展说明（可附照片）' })
  async note(@Param('id') id: string, @Body() body: CaseNoteDTO): Promise<ApiSuccess<CaseDetailVO>> {
    return { data: await this.commands.note(this.acting(), id, body.note, body.photoIds ?? []) };
  }
}
