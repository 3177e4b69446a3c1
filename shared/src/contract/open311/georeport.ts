import { caseLimits } from '../../domain/case';
import { defineRoute } from '../define';
import { z } from '../zod';
import { o311Arg, o311Coordinate, o311DateTime, o311List, o311Required, o311Text, o311Url } from './georeport-args';
import {
  open311DiscoverySchema,
  open311ErrorsSchema,
  open311PostedSchema,
  open311RequestSchema,
  open311ServiceDefinitionSchema,
  open311ServiceSchema,
  open311TokenSchema,
} from './georeport-documents';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at `/open311/v2`: public resources,
 * each as `.xml` or `.json`. Answers and errors are the spec's documents, not our envelope; the
 * decisions where the spec leaves room are listed in bff/src/modules/open311/index.ts.
 */

/** The one jurisdiction served; optional, another value is a resource that does not exist (404). */
const jurisdiction = { jurisdiction_id: o311Arg('jurisdiction_id') };
/** The query of every resource but the request list: the jurisdiction only (other arguments are ignored). */
export const open311JurisdictionQuery = z.object(jurisdiction);

/** The representation: `xml` (the spec's required one) or `json`, in any case; another suffix is a 404. */
const format = z.string().meta({ description: 'xml 或 json（不区分大小写）', example: 'json' });

/** GET Service Requests. service_request_id overrides the other filters (they must still be well-formed). */
export const open311RequestsQuerySchema = z.object({
  ...jurisdiction,
  service_request_id: o311List('service_request_id', 1000, z.string()),
  service_code: o311List('service_code', 100, z.string()),
  status: o311List('status', 2, z.enum(['open', 'closed'], { error: 'status 只能是 open 或 closed' })),
  /** Default: the most recent 90 days; the window never spans more. */
  start_date: o311DateTime('start_date'),
  end_date: o311DateTime('end_date'),
});

/** Longest media URL kept (it is stored in a timeline note of ≤ 500 characters). */
const MEDIA_URL_MAX = 400;
const PHONE = /^\+?[\d\s-]{5,20}$/;

/**
 * The fields of POST Service Request. `email`, `device_id` and `attribute[…]` are accepted and not
 * kept (no attributes are defined, no e-mail is stored); other fields are ignored, as the spec allows.
 */
export const open311PostFields = z.looseObject({
  /** Required: a missing, invalid or revoked key answers 403. */
  api_key: o311Arg('api_key'),
  ...jurisdiction,
  service_code: o311Required('service_code', '缺少 service_code'),
  lat: o311Coordinate('lat', -90, 90),
  long: o311Coordinate('long', -180, 180),
  address_string: o311Arg('address_string', caseLimits.address.max),
  address_id: o311Arg('address_id', 64),
  description: o311Text('description', caseLimits.description.min, caseLimits.description.max),
  phone: o311Arg('phone').refine((v) => v === undefined || PHONE.test(v), { error: 'phone 格式不正确' }),
  first_name: o311Arg('first_name', 32),
  last_name: o311Arg('last_name', 32),
  email: o311Arg('email'),
  device_id: o311Arg('device_id'),
  account_id: o311Arg('account_id', 64),
  media_url: o311Url('media_url', MEDIA_URL_MAX),
});

/**
 * The whole form: a place is required (lat and long together, or an address). Checked even when a
 * field is wrong, so one answer lists every problem.
 */
export const open311PostFormSchema = open311PostFields.superRefine(
  (form, ctx) => {
    const hasLat = typeof form.lat === 'number';
    const hasLong = typeof form.long === 'number';
    if (hasLat !== hasLong) ctx.addIssue({ code: 'custom', path: ['long'], message: 'lat 和 long 须同时提供' });
    const text = (v: unknown) => typeof v === 'string' && v !== '';
    if (!(hasLat && hasLong) && !text(form.address_string) && !text(form.address_id))
      ctx.addIssue({ code: 'custom', path: [], message: '须提供位置：lat 与 long，或 address_string，或 address_id' });
  },
  { when: () => true },
);
export type Open311PostFormInput = z.output<typeof open311PostFormSchema>;

const tag = 'Open311 GeoReport v2';
const document = { audience: 'open311', tag, responseKind: 'document', errors: open311ErrorsSchema } as const;

export const open311Routes = {
  discovery: defineRoute({
    ...document,
    method: 'GET',
    path: '/open311/v2/discovery.:format',
    summary: '服务发现：规范版本、接口地址、支持的格式与变更标记',
    params: z.object({ format }),
    query: open311JurisdictionQuery,
    response: open311DiscoverySchema,
  }),
  services: defineRoute({
    ...document,
    method: 'GET',
    path: '/open311/v2/services.:format',
    summary: '服务列表：启用中的工单类型（service_code = 类型代码）',
    params: z.object({ format }),
    query: open311JurisdictionQuery,
    response: z.array(open311ServiceSchema),
  }),
  serviceDefinition: defineRoute({
    ...document,
    method: 'GET',
    path: '/open311/v2/services/:code.:format',
    summary: '服务定义（未定义附加属性，attributes 为空）；未知或停用的类型 404',
    params: z.object({ code: z.string(), format }),
    query: open311JurisdictionQuery,
    response: open311ServiceDefinitionSchema,
  }),
  requests: defineRoute({
    ...document,
    method: 'GET',
    path: '/open311/v2/requests.:format',
    summary: '工单公开列表：默认近 90 天、至多 1000 条、新的在前；只含公开字段，不含上报人',
    params: z.object({ format }),
    query: open311RequestsQuerySchema,
    response: z.array(open311RequestSchema),
  }),
  postRequest: defineRoute({
    ...document,
    method: 'POST',
    path: '/open311/v2/requests.:format',
    summary: '提交工单（表单，须 api_key；经纬度为 WGS84，须落在密钥的服务范围内）',
    params: z.object({ format }),
    query: open311JurisdictionQuery,
    bodyKind: 'form',
    body: open311PostFormSchema,
    response: z.array(open311PostedSchema),
  }),
  request: defineRoute({
    ...document,
    method: 'GET',
    path: '/open311/v2/requests/:id.:format',
    summary: '单个工单（service_request_id = 工单编号）；不存在或待审核的 404',
    params: z.object({ id: z.string(), format }),
    query: open311JurisdictionQuery,
    response: z.array(open311RequestSchema),
  }),
  token: defineRoute({
    ...document,
    method: 'GET',
    path: '/open311/v2/tokens/:token.:format',
    summary: '由提交时的 token 查工单编号',
    params: z.object({ token: z.string(), format }),
    query: open311JurisdictionQuery,
    response: z.array(open311TokenSchema),
  }),
};
