import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import type { AuditResult } from './audit-log.entity';

const RESULTS: AuditResult[] = ['success', 'failure', 'denied'];

export class AuditQueryDTO {
  @ApiProperty({ required: false, example: 1 })
  @Rule(RuleType.number().integer().min(1).max(100000).default(1))
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(RuleType.number().integer().min(1).max(200).default(20))
  pageSize!: number;

  @ApiProperty({ required: false, description: '操作人 id（精确），或用户名、姓名、小程序昵称（前缀）' })
  @Rule(RuleType.string().trim().max(64).allow('').optional())
  actor?: string;

  @ApiProperty({ required: false, example: 'user.update', description: '操作（精确）；以 . 结尾时按前缀，如 user.' })
  @Rule(RuleType.string().trim().max(64).allow('').optional())
  action?: string;

  @ApiProperty({ required: false, example: 'staff_user' })
  @Rule(RuleType.string().trim().max(32).allow('').optional())
  resourceType?: string;

  @ApiProperty({ required: false })
  @Rule(RuleType.string().trim().max(64).allow('').optional())
  resourceId?: string;

  @ApiProperty({ required: false, enum: RESULTS })
  @Rule(RuleType.string().valid(...RESULTS).allow('').optional())
  result?: AuditResult | '';

  @ApiProperty({ required: false, format: 'date-time', description: '起始时间（含），ISO 8601' })
  @Rule(RuleType.string().isoDate().allow('').optional().messages({ 'string.isoDate': '时间格式应为 ISO 8601' }))
  from?: string;

  @ApiProperty({ required: false, format: 'date-time', description: '截止时间（含），ISO 8601' })
  @Rule(RuleType.string().isoDate().allow('').optional().messages({ 'string.isoDate': '时间格式应为 ISO 8601' }))
  to?: string;
}

export class AuditRecordVO {
  @ApiProperty({ description: '链上序号' })
  seq!: number;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ nullable: true, type: 'string', enum: ['staff', 'mp'] })
  actorKind!: string | null;

  @ApiProperty({ nullable: true, type: 'string' })
  actorId!: string | null;

  @ApiProperty({ nullable: true, type: 'string', description: '记录中的用户名（后台账号）' })
  actorName!: string | null;

  @ApiProperty({ nullable: true, type: 'string', description: '操作人姓名：后台账号的姓名，小程序用户的昵称；读取时解析' })
  actorDisplayName!: string | null;

  @ApiProperty({ type: 'array', items: { type: 'string' } })
  actorRoles!: string[];

  @ApiProperty({ nullable: true, type: 'string' })
  ip!: string | null;

  @ApiProperty({ nullable: true, type: 'string' })
  userAgent!: string | null;

  @ApiProperty({ example: 'user.update' })
  action!: string;

  @ApiProperty({ example: '修改账号', description: '操作的中文名称（共享的操作表；未知的旧代码原样返回）' })
  actionLabel!: string;

  @ApiProperty({ nullable: true, type: 'string' })
  resourceType!: string | null;

  @ApiProperty({ nullable: true, type: 'string' })
  resourceId!: string | null;

  @ApiProperty({ enum: RESULTS })
  result!: AuditResult;

  @ApiProperty({ nullable: true, type: 'object', description: '变更摘要（不含密码等机密，个人信息已脱敏）' })
  detail!: Record<string, unknown> | string | null;

  @ApiProperty()
  prevHash!: string;

  @ApiProperty({ description: 'SM3(prevHash + 记录内容)' })
  hash!: string;
}

export class AuditVerifyVO {
  @ApiProperty({ description: '日志记录总数' })
  records!: number;

  @ApiProperty({
    nullable: true,
    type: 'object',
    properties: { seq: { type: 'number' }, reason: { type: 'string', enum: ['content', 'link'] } },
    description: 'null 表示哈希链完整；否则为第一条被篡改（content）或断链（link）的记录',
  })
  broken!: { seq: number; reason: 'content' | 'link' } | null;
}
