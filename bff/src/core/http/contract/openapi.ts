import { allRoutes, z } from '@zhili/shared';
import type { RouteSpec } from '@zhili/shared';
import { SchemaComponents } from './openapi-components';
import type { Json } from './openapi-components';

const ERROR_ENVELOPE: Json = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', example: 'VALIDATION_FAILED' },
        message: { type: 'string' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
};

const PAGE: Json = {
  type: 'object',
  required: ['page', 'pageSize', 'total'],
  properties: { page: { type: 'integer' }, pageSize: { type: 'integer' }, total: { type: 'integer' } },
};

/** `:id` → `{id}` as OpenAPI writes path templates. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

let contractOperations: Set<string> | undefined;

/** Whether `METHOD /path/{param}` is a contract route (the legacy swagger scan skips those). */
export function isContractOperation(method: string, openApiUrl: string): boolean {
  contractOperations ??= new Set(allRoutes().map((r) => `${r.method} ${openApiPath(r.path)}`));
  return contractOperations.has(`${method.toUpperCase()} ${openApiUrl}`);
}

/** `get_api_admin_users_{id}`: where a route's schemas sit, for the names of hoisted components. */
const ownerOf = (route: RouteSpec) => `${route.method.toLowerCase()}${openApiPath(route.path).replace(/[/{}]+/g, '_')}`;

function parameters(route: RouteSpec, components: SchemaComponents): Json[] {
  const list: Json[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return;
    const json = components.convert(schema, 'input', `${ownerOf(route)}.${where}`);
    const props = (json.properties ?? {}) as Record<string, Json>;
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, prop] of Object.entries(props)) {
      list.push({
        in: where,
        name,
        required: where === 'path' || required.has(name),
        schema: prop,
        ...(prop.description ? { description: prop.description } : {}),
      });
    }
  };
  add('path', route.params);
  add('query', route.query);
  return list;
}

/** A `document` route's answer: the same schema as JSON and as XML (the path's suffix chooses). */
const inBothFormats = (components: SchemaComponents, schema: z.ZodType, owner: string): Json => {
  const json = components.convert(schema, 'output', owner);
  return { 'application/json': { schema: json }, 'text/xml': { schema: json } };
};

function successResponse(route: RouteSpec, components: SchemaComponents): Json {
  // A download has no JSON `response`, yet answers 200 with the file.
  const status = String(route.status ?? (route.response === null && route.responseKind !== 'file' ? 204 : 200));
  if (route.responseKind === 'file') {
    return {
      [status]: {
        description: '文件',
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
    };
  }
  if (route.responseKind === 'document' && route.response)
    return {
      [status]: {
        description: '成功（JSON 或 XML，按路径后缀）',
        content: inBothFormats(components, route.response, `${ownerOf(route)}.response`),
      },
    };
  if (route.response === null) return { [status]: { description: '无内容' } };
  const data = components.convert(route.response, 'output', `${ownerOf(route)}.response`);
  const body: Json = route.list
    ? { type: 'object', required: ['data', 'page'], properties: { data: { type: 'array', items: data }, page: PAGE } }
    : { type: 'object', required: ['data'], properties: { data } };
  return { [status]: { description: '成功', content: { 'application/json': { schema: body } } } };
}

function operation(route: RouteSpec, components: SchemaComponents): Json {
  const op: Json = {
    summary: route.summary,
    tags: [route.tag],
    parameters: parameters(route, components),
    responses: {
      ...successResponse(route, components),
      '4XX': { description: '请求有误', content: { 'application/json': { schema: ERROR_ENVELOPE } } },
    },
  };
  if (route.errors)
    (op.responses as Json)['4XX'] = {
      description: '请求有误（错误列表，格式同成功答复）',
      content: inBothFormats(components, route.errors, `${ownerOf(route)}.errors`),
    };
  if (route.audience === 'staff' || route.audience === 'mp') op.security = [{ bearer: [] }];
  if (route.permission) op['x-permission'] = route.permission;
  if (route.bodyKind === 'multipart') {
    op.requestBody = {
      content: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
        },
      },
    };
  } else if (route.bodyKind === 'form' && route.body) {
    const schema = components.convert(route.body, 'input', `${ownerOf(route)}.body`);
    op.requestBody = { required: true, content: { 'application/x-www-form-urlencoded': { schema } } };
  } else if (route.body) {
    const schema = components.convert(route.body, 'input', `${ownerOf(route)}.body`);
    op.requestBody = { required: true, content: { 'application/json': { schema } } };
  }
  return op;
}

/**
 * The OpenAPI 3 paths of the contract routes, generated from their zod schemas (zod's own JSON
 * Schema export, OpenAPI 3.0 dialect): parameters, request body, the success envelope with its data
 * schema, and the error envelope — so every operation in `/api/docs` has a response schema — plus
 * the named schemas those refer to (recursive ones, meta ids).
 */
export function contractDocument(routes: RouteSpec[]): {
  paths: Record<string, Record<string, Json>>;
  schemas: Record<string, Json>;
} {
  const components = new SchemaComponents();
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const key = openApiPath(route.path);
    paths[key] = { ...(paths[key] ?? {}), [route.method.toLowerCase()]: operation(route, components) };
  }
  return { paths, schemas: components.schemas };
}

/** The document served at /api/docs: the legacy (decorator-described) routes plus the contract's. */
export function mergeDocuments(legacy: Json, routes: RouteSpec[]): Json {
  const contract = contractDocument(routes);
  const paths = { ...((legacy.paths as Json) ?? {}) } as Record<string, Record<string, Json>>;
  for (const [path, ops] of Object.entries(contract.paths)) paths[path] = { ...(paths[path] ?? {}), ...ops };
  const components = (legacy.components ?? {}) as Json;
  const securitySchemes = {
    ...((components.securitySchemes as Json) ?? {}),
    bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
  };
  const schemas = { ...((components.schemas as Json) ?? {}), ...contract.schemas };
  return {
    ...legacy,
    paths,
    components: { ...components, securitySchemes, ...(Object.keys(schemas).length ? { schemas } : {}) },
  };
}
