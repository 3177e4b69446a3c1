import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiList, ApiSuccess } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { RequirePermission } from '../../core/auth/require-permission.decorator';
import { clientInfo } from '../../core/http/client-info';
import { PII_READ_LIMIT, RateLimit } from '../../core/http/rate-limit';
import {
  CreatedUserVO,
  CreateUserDTO,
  StaffPiiVO,
  StaffUserVO,
  TemporaryPasswordVO,
  UpdateUserDTO,
  UserListQueryDTO,
} from './staff-admin.dto';
import type { Acting } from './staff-admin-audit';
import { StaffAdminService } from './staff-admin.service';
import { StaffDirectoryService } from './staff-directory.service';

@ApiTags('管理端 · 账号管理')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class StaffAdminController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private directory!: StaffDirectoryService;

  @Inject()
  private admin!: StaffAdminService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Get('/users')
  @RequirePermission('user:read')
  @ApiOperation({ summary: '账号列表（本人管辖范围内；可按用户名/姓名、角色、状态筛选）' })
  @ApiResponse({ status: 200, type: StaffUserVO, isArray: true })
  async list(@Query() query: UserListQueryDTO): Promise<ApiList<StaffUserVO>> {
    const { items, total } = await this.directory.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Post('/users')
  @HttpCode(201)
  @RequirePermission('user:manage')
  @RateLimit({ name: 'user.create', limit: 30, windowSec: 600 })
  @ApiOperation({ summary: '创建账号：返回一次性显示的初始密码，首次登录须修改' })
  @ApiResponse({ status: 201, type: CreatedUserVO })
  async create(@Body() body: CreateUserDTO): Promise<ApiSuccess<CreatedUserVO>> {
    return { data: await this.admin.create(this.acting(), body) };
  }

  @Get('/users/:id')
  @RequirePermission('user:read')
  @ApiOperation({ summary: '账号详情（手机号脱敏）' })
  @ApiResponse({ status: 200, type: StaffUserVO })
  async get(@Param('id') id: string): Promise<ApiSuccess<StaffUserVO>> {
    return { data: await this.directory.get(principalOf(this.ctx), id) };
  }

  @Patch('/users/:id')
  @RequirePermission('user:manage')
  @ApiOperation({ summary: '修改账号；修改角色、区域或授权还需要 role:assign，并会注销该账号的所有会话' })
  @ApiResponse({ status: 200, type: StaffUserVO })
  async update(@Param('id') id: string, @Body() body: UpdateUserDTO): Promise<ApiSuccess<StaffUserVO>> {
    return { data: await this.admin.update(this.acting(), id, body) };
  }

  @Post('/users/:id/disable')
  @RequirePermission('user:manage')
  @ApiOperation({ summary: '停用账号（立即注销其所有会话）' })
  @ApiResponse({ status: 200, type: StaffUserVO })
  async disable(@Param('id') id: string): Promise<ApiSuccess<StaffUserVO>> {
    return { data: await this.admin.setStatus(this.acting(), id, 'disabled') };
  }

  @Post('/users/:id/enable')
  @RequirePermission('user:manage')
  @ApiOperation({ summary: '启用账号' })
  @ApiResponse({ status: 200, type: StaffUserVO })
  async enable(@Param('id') id: string): Promise<ApiSuccess<StaffUserVO>> {
    return { data: await this.admin.setStatus(this.acting(), id, 'active') };
  }

  @Post('/users/:id/reset-password')
  @RequirePermission('user:manage')
  @RateLimit({ name: 'user.reset-password', limit: 10, windowSec: 600 })
  @ApiOperation({ summary: '重置密码：返回一次性显示的临时密码，下次登录须修改' })
  @ApiResponse({ status: 200, type: TemporaryPasswordVO })
  async resetPassword(@Param('id') id: string): Promise<ApiSuccess<TemporaryPasswordVO>> {
    return { data: await this.admin.resetPassword(this.acting(), id) };
  }

  @Get('/users/:id/pii')
  @RequirePermission('person:pii:read')
  @RateLimit(PII_READ_LIMIT)
  @ApiOperation({ summary: '查看未脱敏手机号（每次查看均记入审计日志）' })
  @ApiResponse({ status: 200, type: StaffPiiVO })
  async pii(@Param('id') id: string): Promise<ApiSuccess<StaffPiiVO>> {
    return { data: await this.directory.pii(this.acting(), id) };
  }
}
