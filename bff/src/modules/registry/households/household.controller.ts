import { Body, Controller, Del, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import { Permission } from '@zhili/shared';
import type { ApiList, ApiSuccess, HouseholdDetailVO, HouseholdVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { AddMemberDTO, CreateHouseholdDTO, HouseholdListQueryDTO, UpdateHouseholdDTO } from './household.dto';
import { HouseholdCommandService } from './household-command.service';
import { HouseholdQueryService } from './household-query.service';

/** 户 (rural households: 常住户 / 流动户 / 空壳户) with their members. */
@ApiTags('管理端 · 户')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class HouseholdController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private households!: HouseholdQueryService;

  @Inject()
  private commands!: HouseholdCommandService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Get('/households')
  @RequirePermission(Permission.PersonRead)
  @ApiOperation({ summary: '户列表：区域（含下级）、户类型、户主姓名/地址/户编号筛选' })
  async list(@Query() query: HouseholdListQueryDTO): Promise<ApiList<HouseholdVO>> {
    const { items, total } = await this.households.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Post('/households')
  @HttpCode(201)
  @RequirePermission(Permission.PersonManage)
  @ApiOperation({ summary: '新建户（可同时指定户主，户主成为本户成员）' })
  async create(@Body() body: CreateHouseholdDTO): Promise<ApiSuccess<HouseholdDetailVO>> {
    return { data: await this.commands.create(this.acting(), body) };
  }

  @Get('/households/:id')
  @RequirePermission(Permission.PersonRead)
  @ApiOperation({ summary: '户详情与成员（证件号、手机号脱敏）' })
  async get(@Param('id') id: string): Promise<ApiSuccess<HouseholdDetailVO>> {
    return { data: await this.households.detail(principalOf(this.ctx), id) };
  }

  @Patch('/households/:id')
  @RequirePermission(Permission.PersonManage)
  @ApiOperation({ summary: '修改户（含更换户主）' })
  async update(@Param('id') id: string, @Body() body: UpdateHouseholdDTO): Promise<ApiSuccess<HouseholdDetailVO>> {
    return { data: await this.commands.update(this.acting(), id, body) };
  }

  @Del('/households/:id')
  @HttpCode(204)
  @RequirePermission(Permission.PersonManage)
  @ApiOperation({ summary: '删除户（成员保留在人口库中，只解除与本户的关系）' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.commands.remove(this.acting(), id);
  }

  @Post('/households/:id/members')
  @HttpCode(201)
  @RequirePermission(Permission.PersonManage)
  @ApiOperation({ summary: '添加成员（一人只能属于一户；已属于其他户时 409，须先移出）' })
  async addMember(@Param('id') id: string, @Body() body: AddMemberDTO): Promise<ApiSuccess<HouseholdDetailVO>> {
    return { data: await this.commands.addMember(this.acting(), id, body.personId, body.relationToHead) };
  }

  @Del('/households/:id/members/:personId')
  @HttpCode(204)
  @RequirePermission(Permission.PersonManage)
  @ApiOperation({ summary: '移出成员（户主移出后本户暂无户主）' })
  async removeMember(@Param('id') id: string, @Param('personId') personId: string): Promise<void> {
    await this.commands.removeMember(this.acting(), id, personId);
  }
}
