import { Body, Controller, Get, Inject, Param, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import type { ApiList, ApiSuccess, MpTaskDetailVO, MpTaskItemVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequireRole } from '../../../core/auth/require-permission.decorator';
import { GridWorker, GridWorkerResolver } from '../../mp-grid';
import { CaseNoteDTO } from '../admin/case-action.dto';
import { MpTaskActionDTO, MpTaskQueryDTO } from './mp-task.dto';
import { MpTaskService } from './mp-task.service';

/**
 * The grid worker's tasks in the mini-program: cases dispatched to them. The grid_worker role is
 * checked from the token by the guard and again from the database on every request.
 */
@ApiTags('小程序 · 网格员')
@ApiBearerAuth()
@ForPrincipal('mp')
@RequireRole('grid_worker')
@Controller('/api/mp/grid')
export class MpTaskController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private workers!: GridWorkerResolver;

  @Inject()
  private tasks!: MpTaskService;

  private worker(): Promise<GridWorker> {
    return this.workers.resolve(principalOf(this.ctx));
  }

  @Get('/tasks')
  @ApiOperation({ summary: '我的任务：待办（按时限）或已办' })
  async list(@Query() query: MpTaskQueryDTO): Promise<ApiList<MpTaskItemVO>> {
    const { items, total } = await this.tasks.list(await this.worker(), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Get('/tasks/:id')
  @ApiOperation({ summary: '任务详情：位置、照片、时间线、可执行的操作' })
  async detail(@Param('id') id: string): Promise<ApiSuccess<MpTaskDetailVO>> {
    return { data: await this.tasks.detail(await this.worker(), id) };
  }

  @Post('/tasks/:id/actions')
  @ApiOperation({ summary: '接单、退回（须填原因）或办结（须填结果，可附处理后照片）' })
  async act(@Param('id') id: string, @Body() body: MpTaskActionDTO): Promise<ApiSuccess<MpTaskDetailVO>> {
    return { data: await this.tasks.act(await this.worker(), id, body) };
  }

  @Post('/tasks/:id/notes')
  @ApiOperation({ summary: '添加进展（可附照片）' })
  async note(@Param('id') id: string, @Body() body: CaseNoteDTO): Promise<ApiSuccess<MpTaskDetailVO>> {
    return { data: await this.tasks.note(await this.worker(), id, body.note, body.photoIds ?? []) };
  }
}
