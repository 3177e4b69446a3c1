import { Body, Controller, Del, Get, HttpCode, Inject, Param, Patch, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import { Permission } from '@zhili/shared';
import type { ApiSuccess, TagDefinitionVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../audit/audit-actor.service';
import { CreateTagDTO, UpdateTagDTO } from './tag.dto';
import { TagService } from './tag.service';

/** 人员标签 (managed list): readable by registry staff, editable only at town level. */
@ApiTags('管理端 · 人员标签')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class TagController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private tags!: TagService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Get('/tags')
  @RequirePermission(Permission.PersonRead)
  @ApiOperation({ summary: '标签列表（含停用的），人数为本人管辖范围内在册人员' })
  async list(): Promise<ApiSuccess<TagDefinitionVO[]>> {
    return { data: await this.tags.list(principalOf(this.ctx)) };
  }

  @Post('/tags')
  @HttpCode(201)
  @RequirePermission(Permission.PersonManage)
  @ApiOperation({ summary: '新建自定义标签（仅限镇级管理人员）' })
  async create(@Body() body: CreateTagDTO): Promise<ApiSuccess<TagDefinitionVO>> {
    return { data: await this.tags.create(this.acting(), body) };
  }

  @Patch('/tags/:code')
  @RequirePermission(Permission.PersonManage)
  @ApiOperation({ summary: '修改标签名称、走访周期、颜色或启用状态（仅限镇级管理人员）' })
  async update(@Param('code') code: string, @Body() body: UpdateTagDTO): Promise<ApiSuccess<TagDefinitionVO>> {
    return { data: await this.tags.update(this.acting(), code, body) };
  }

  @Del('/tags/:code')
  @HttpCode(204)
  @RequirePermission(Permission.PersonManage)
  @ApiOperation({ summary: '删除未被使用的自定义标签（内置标签只能停用）' })
  async remove(@Param('code') code: string): Promise<void> {
    await this.tags.remove(this.acting(), code);
  }
}
