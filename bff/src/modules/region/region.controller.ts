import { Body, Controller, Get, HttpCode, Inject, Post } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@midwayjs/swagger';
import type { ApiSuccess } from '@zhili/shared';
import { ForPrincipal } from '../../core/auth/public.decorator';
import { principalOf } from '../../core/auth/principal';
import { RequirePermission } from '../../core/auth/require-permission.decorator';
import { clientInfo } from '../../core/http/client-info';
import type { Region } from './region.entity';
import { CreateRegionDTO, RegionVO } from './region.dto';
import { RegionService } from './region.service';

const toVO = (r: Region): RegionVO => ({ id: r.id, name: r.name, level: r.level, parentId: r.parentId, path: r.path, code: r.code });

/** The region tree as far as the caller's scope reaches (minimal for #3; #4 adds editing and maps). */
@ApiTags('管理端 · 区域网格')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class RegionController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private regions!: RegionService;

  @Get('/regions')
  @RequirePermission('region:read')
  @ApiOperation({ summary: '本人管辖范围内的区域（平铺列表，上级在前）' })
  @ApiResponse({ status: 200, type: RegionVO, isArray: true })
  async list(): Promise<ApiSuccess<RegionVO[]>> {
    return { data: (await this.regions.listInScope(principalOf(this.ctx))).map(toVO) };
  }

  @Post('/regions')
  @HttpCode(201)
  @RequirePermission('region:manage')
  @ApiOperation({ summary: '在本人管辖范围内新建下级区域' })
  @ApiResponse({ status: 201, type: RegionVO })
  async create(@Body() body: CreateRegionDTO): Promise<ApiSuccess<RegionVO>> {
    const acting = { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
    const region = await this.regions.createInScope(acting, { name: body.name, level: body.level, parentId: body.parentId, code: body.code || null });
    return { data: toVO(region) };
  }
}
