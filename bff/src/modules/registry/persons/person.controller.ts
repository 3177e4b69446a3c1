import { Body, Controller, Del, Get, HttpCode, Inject, Param, Patch, Post, Put, Query } from '@midwayjs/core';
import type { Context } from '@midwayjs/koa';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@midwayjs/swagger';
import { Permission } from '@zhili/shared';
import type { ApiList, ApiSuccess, PersonDetailVO, PersonPiiVO, PersonVO } from '@zhili/shared';
import { ForPrincipal } from '../../../core/auth/public.decorator';
import { principalOf } from '../../../core/auth/principal';
import { RequirePermission } from '../../../core/auth/require-permission.decorator';
import { clientInfo } from '../../../core/http/client-info';
import type { Acting } from '../../../core/audit';
import { CreatePersonDTO, PersonListQueryDTO, PersonTagsDTO, UpdatePersonDTO } from './person.dto';
import { PersonCommandService } from './person-command.service';
import { PersonQueryService } from './person-query.service';

/** 人口: the person registry of the caller's region subtree (ID number and phone always masked). */
@ApiTags('管理端 · 人口')
@ApiBearerAuth()
@ForPrincipal('staff')
@Controller('/api/admin')
export class PersonController {
  @Inject()
  private ctx!: Context;

  @Inject()
  private persons!: PersonQueryService;

  @Inject()
  private commands!: PersonCommandService;

  private acting(): Acting {
    return { actor: principalOf(this.ctx), client: clientInfo(this.ctx) };
  }

  @Get('/persons')
  @RequirePermission(Permission.PersonRead)
  @ApiOperation({ summary: '人员列表：区域（含下级）、标签、姓名前缀或完整证件号/手机号、性别、户籍类型、状态、户、年龄筛选' })
  async list(@Query() query: PersonListQueryDTO): Promise<ApiList<PersonVO>> {
    const { items, total } = await this.persons.list(principalOf(this.ctx), query);
    return { data: items, page: { page: query.page, pageSize: query.pageSize, total } };
  }

  @Post('/persons')
  @HttpCode(201)
  @RequirePermission(Permission.PersonManage)
  @ApiOperation({ summary: '登记人员（身份证号校验并推出出生日期和性别；重复证件号 409 PERSON_DUPLICATE）' })
  async create(@Body() body: CreatePersonDTO): Promise<ApiSuccess<PersonDetailVO>> {
    return { data: await this.commands.create(this.acting(), body) };
  }

  @Get('/persons/:id')
  @RequirePermission(Permission.PersonRead)
  @ApiOperation({ summary: '人员详情：房屋、户、标签、走访记录与下次走访' })
  async get(@Param('id') id: string): Promise<ApiSuccess<PersonDetailVO>> {
    return { data: await this.persons.detail(principalOf(this.ctx), id) };
  }

  @Patch('/persons/:id')
  @RequirePermission(Permission.PersonManage)
  @ApiOperation({ summary: '修改人员（改区域时其标签和走访记录随之移动）' })
  async update(@Param('id') id: string, @Body() body: UpdatePersonDTO): Promise<ApiSuccess<PersonDetailVO>> {
    return { data: await this.commands.update(this.acting(), id, body) };
  }

  @Del('/persons/:id')
  @HttpCode(204)
  @RequirePermission(Permission.PersonManage)
  @ApiOperation({ summary: '删除人员及其标签、人房关系和走访记录（户主须先更换：409 RECORD_IN_USE）' })
  async remove(@Param('id') id: string): Promise<void> {
    await this.commands.remove(this.acting(), id);
  }

  @Get('/persons/:id/pii')
  @RequirePermission(Permission.PiiRead)
  @ApiOperation({ summary: '查看未脱敏的身份证号和手机号（记录审计日志）' })
  async pii(@Param('id') id: string): Promise<ApiSuccess<PersonPiiVO>> {
    return { data: await this.persons.pii(this.acting(), id) };
  }

  @Put('/persons/:id/tags')
  @RequirePermission(Permission.PersonManage)
  @ApiOperation({ summary: '设置人员标签（新增的须为启用的标签；保留的标签不改变打标时间）' })
  async setTags(@Param('id') id: string, @Body() body: PersonTagsDTO): Promise<ApiSuccess<PersonDetailVO>> {
    return { data: await this.commands.setTags(this.acting(), id, body.codes) };
  }
}
