import { ApiProperty } from '@midwayjs/swagger';
import { Rule, RuleType } from '@midwayjs/validate';
import { caseLimits, GEO_LIMITS, normalizeMobile } from '@zhili/shared';
import { chineseMessages as zh } from '../../../core/http/validation-messages';
import { caseRules } from '../core/case-rules';

/** Upper bound of the nearby radius a client may ask for (metres). */
export const NEARBY_MAX_RADIUS_M = 1000;

const id = () => RuleType.string().trim().min(1).max(36);
const code = () =>
  RuleType.string()
    .trim()
    .pattern(/^[a-z0-9_]{1,32}$/)
    .messages(zh({ 'string.pattern.base': '问题类型无效', 'string.empty': '请选择问题类型', 'any.required': '请选择问题类型' }));
const lng = () =>
  RuleType.number()
    .min(GEO_LIMITS.lng[0])
    .max(GEO_LIMITS.lng[1])
    .messages(zh({ 'number.base': '经度应为数字', 'number.min': '经度超出范围', 'number.max': '经度超出范围', 'any.required': '请提供经度' }));
const lat = () =>
  RuleType.number()
    .min(GEO_LIMITS.lat[0])
    .max(GEO_LIMITS.lat[1])
    .messages(zh({ 'number.base': '纬度应为数字', 'number.min': '纬度超出范围', 'number.max': '纬度超出范围', 'any.required': '请提供纬度' }));
const photoIds = (field: string) =>
  RuleType.array()
    .items(id())
    .max(caseLimits.photos.max)
    .unique()
    .messages(zh({ 'array.max': `${field}最多 ${caseLimits.photos.max} 张`, 'array.unique': '照片重复', 'array.base': '照片应为列表' }));
const page = () => RuleType.number().integer().min(1).max(100000).default(1);
const pageSize = () => RuleType.number().integer().min(1).max(50).default(20);

/** `POST /api/mp/cases` (MpCaseSubmitBody). */
export class MpCaseSubmitDTO {
  @ApiProperty({ description: '客户端为每份草稿生成一次（如 UUID）；重复提交返回同一工单' })
  @Rule(
    RuleType.string()
      .trim()
      .pattern(/^[A-Za-z0-9_-]+$/)
      .min(caseLimits.idempotencyKey.min)
      .max(caseLimits.idempotencyKey.max)
      .required()
      .messages(zh({ 'any.required': '缺少提交标识', 'string.empty': '缺少提交标识', 'string.min': '提交标识无效', 'string.max': '提交标识无效', 'string.pattern.base': '提交标识无效' })),
  )
  idempotencyKey!: string;

  @ApiProperty({ example: 'road' })
  @Rule(code().required())
  categoryCode!: string;

  @ApiProperty({ description: `问题描述（${caseLimits.description.min}-${caseLimits.description.max} 字）` })
  @Rule(caseRules.description('请描述问题'))
  description!: string;

  @ApiProperty({ type: 'array', items: { type: 'string' }, description: `先通过 /api/mp/files 上传，最多 ${caseLimits.photos.max} 张` })
  @Rule(photoIds('照片').default([]))
  photoIds!: string[];

  @ApiProperty({ description: '问题位置（GCJ-02），须在本镇范围内', example: { lng: 120.155, lat: 30.274 } })
  @Rule(
    RuleType.object({ lng: lng().required(), lat: lat().required() })
      .required()
      .messages(zh({ 'any.required': '请选择问题位置', 'object.base': '位置应包含经度和纬度' })),
  )
  location!: { lng: number; lat: number };

  @ApiProperty({ description: '地址描述' })
  @Rule(
    RuleType.string()
      .trim()
      .max(caseLimits.address.max)
      .allow('')
      .default('')
      .messages(zh({ 'string.max': `地址不能超过 ${caseLimits.address.max} 字` })),
  )
  address!: string;

  @ApiProperty({ description: '匿名：村/社区工作人员看不到上报人' })
  @Rule(RuleType.boolean().default(false).messages(zh({ 'boolean.base': '匿名选项无效' })))
  anonymous!: boolean;

  @ApiProperty({ required: false, description: '联系电话；不填时使用已绑定的手机号' })
  @Rule(
    RuleType.string()
      .trim()
      .max(20)
      .allow('', null)
      .custom((value: string, helpers) => (value ? (normalizeMobile(value) ?? helpers.error('any.invalid')) : value))
      .optional()
      .messages(zh({ 'any.invalid': '联系电话应为 11 位手机号', 'string.max': '联系电话应为 11 位手机号' })),
  )
  contactPhone?: string | null;
}

/** `GET /api/mp/cases/nearby`. */
export class MpNearbyQueryDTO {
  @ApiProperty({ example: 120.155 })
  @Rule(lng().required())
  lng!: number;

  @ApiProperty({ example: 30.274 })
  @Rule(lat().required())
  lat!: number;

  @ApiProperty({ example: 'road' })
  @Rule(code().required())
  categoryCode!: string;

  @ApiProperty({ required: false, description: `半径（米），默认按配置，最大 ${NEARBY_MAX_RADIUS_M}` })
  @Rule(
    RuleType.number()
      .integer()
      .min(1)
      .max(NEARBY_MAX_RADIUS_M)
      .optional()
      .messages(zh({ 'number.base': '半径应为整数', 'number.integer': '半径应为整数', 'number.min': '半径至少 1 米', 'number.max': `半径不能超过 ${NEARBY_MAX_RADIUS_M} 米` })),
  )
  radiusM?: number;
}

export type MpCaseScope = 'mine' | 'following';
export type MpCaseStatusFilter = 'open' | 'resolved' | 'closed';

/** `GET /api/mp/cases`. */
export class MpCaseListQueryDTO {
  @ApiProperty({ required: false, enum: ['mine', 'following'], description: '我上报的（默认）/ 我附议的' })
  @Rule(RuleType.string().valid('mine', 'following').default('mine').messages(zh({ 'any.only': '范围只能是 mine 或 following' })))
  scope!: MpCaseScope;

  @ApiProperty({ required: false, enum: ['open', 'resolved', 'closed'], description: '处理中 / 已办结待评价 / 已结束' })
  @Rule(RuleType.string().valid('open', 'resolved', 'closed').allow('').optional().messages(zh({ 'any.only': '状态只能是 open、resolved 或 closed' })))
  status?: MpCaseStatusFilter | '';

  @ApiProperty({ required: false, example: 1 })
  @Rule(page())
  page!: number;

  @ApiProperty({ required: false, example: 20 })
  @Rule(pageSize())
  pageSize!: number;
}

/** `POST /api/mp/cases/:id/rate`. */
export class MpCaseRateDTO {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @Rule(
    RuleType.number()
      .integer()
      .min(1)
      .max(5)
      .required()
      .messages(zh({ 'any.required': '请选择评分', 'number.base': '评分应为 1-5 的整数', 'number.integer': '评分应为 1-5 的整数', 'number.min': '评分应为 1-5 的整数', 'number.max': '评分应为 1-5 的整数' })),
  )
  rating!: number;

  @ApiProperty({ required: false, description: `评价内容（不超过 ${caseLimits.ratingComment.max} 字）` })
  @Rule(RuleType.string().trim().max(caseLimits.ratingComment.max).allow('', null).optional().messages(zh({ 'string.max': `评价内容不能超过 ${caseLimits.ratingComment.max} 字` })))
  comment?: string | null;
}

/** `POST /api/mp/cases/:id/dispute`. */
export class MpCaseDisputeDTO {
  @ApiProperty({ description: `问题仍未解决的说明（${caseLimits.reason.min}-${caseLimits.reason.max} 字）` })
  @Rule(
    RuleType.string()
      .trim()
      .min(caseLimits.reason.min)
      .max(caseLimits.reason.max)
      .required()
      .messages(
        zh({
          'any.required': '请说明未解决的情况',
          'string.empty': '请说明未解决的情况',
          'string.min': `说明至少 ${caseLimits.reason.min} 个字`,
          'string.max': `说明不能超过 ${caseLimits.reason.max} 字`,
        }),
      ),
  )
  reason!: string;

  @ApiProperty({ required: false, type: 'array', items: { type: 'string' }, description: '现场照片（先上传）' })
  @Rule(photoIds('照片').optional())
  photoIds?: string[];
}

/** `POST /api/mp/cases/:id/subscriptions`. */
export class MpCaseSubscriptionsDTO {
  @ApiProperty({ type: 'array', items: { type: 'string' }, description: '用户在订阅弹窗中同意的模板 id' })
  @Rule(
    RuleType.array()
      .items(RuleType.string().trim().min(1).max(64))
      .max(10)
      .required()
      .messages(zh({ 'any.required': '请提供订阅的模板', 'array.base': '模板应为列表', 'array.max': '模板过多' })),
  )
  templateIds!: string[];
}
