import { Body, Controller, Del, Get, HttpCode, Inject, Param, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import { Permission } from '@zhili/shared';
import type { ApiSuccess, Open311KeyVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { CreateOpen311KeyDTO } from './open311-key.dto';
import { IssuedOpen311Key, Open311KeyService } from './open311-key.service';

/** Open311 api keys for outside clients (issued, listed and revoked at town level by `case:manage`). */
@ApiTags('管理端 · 工单配置')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class Open311KeyController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private keys!: Open311KeyService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Get('/open311/keys')
  @RequirePermission(Permission.CaseManage)
  @ApiOperation({ summary: 'Open311 密钥列表（本人管辖范围内签发的，不含密钥本身）' })
  async list(): Promise<ApiSuccess<Open311KeyVO[]>> {
    return { data: await this.keys.list(this.acting()) };
  }

  @Post('/open311/keys')
  @HttpCode(201)
  @RequirePermission(Permission.CaseManage)
  @ApiOperation({ summary: '签发 Open311 密钥：key 只在此时显示一次' })
  async issue(@Body() body: CreateOpen311KeyDTO): Promise<ApiSuccess<IssuedOpen311Key>> {
    return { data: await this.keys.issue(this.acting(), body.name) };
  }

  @Del('/open311/keys/:id')
  @HttpCode(204)
  @RequirePermission(Permission.CaseManage)
  @ApiOperation({ summary: '吊销 Open311 密钥（立即生效）' })
  async revoke(@Param('id') id: string): Promise<void> {
    await this.keys.revoke(this.acting(), id);
  }
}
