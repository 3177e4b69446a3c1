import { allRoutes, z } from '@zhili/shared';
import type { RouteSpec } from '@zhili/shared';

type Json = Record<string, unknown>;

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

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): Json =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Json;

/** `:id` → `{id}` as OpenAPI writes path templates. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

let contractOperations: Set<string> | undefined;

/** Whether `METHOD /path/{param}` is a contract route (the legacy swagger scan skips those). */
export function isContractOperation(method: string, openApiUrl: string): boolean {
  contractOperations ??= new Set(allRoutes().map((r) => `${r.method} ${openApiPath(r.path)}`));
  return contractOperations.has(`${method.toUpperCase()} ${openApiUrl}`);
}

function parameters(route: RouteSpec): Json[] {
  const list: Json[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return;
    const json = schemaOf(schema, 'input');
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

function successResponse(route: RouteSpec): Json {
  const status = String(route.status ?? (route.response === null ? 204 : 200));
  if (route.responseKind === 'file') {
    return {
      [status]: {
        description: '文件',
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
      },
    };
  }
  if (route.response === null) return { [status]: { description: '无内容' } };
  const data = schemaOf(route.response, 'output');
  const body: Json = route.list
    ? { type: 'object', required: ['data', 'page'], properties: { data: { type: 'array', items: data }, page: PAGE } }
    : { type: 'object', required: ['data'], properties: { data } };
  return { [status]: { description: '成功', content: { 'application/json': { schema: body } } } };
}

function operation(route: RouteSpec): Json {
  const op: Json = {
    summary: route.summary,
    tags: [route.tag],
    parameters: parameters(route),
    responses: {
      ...successResponse(route),
      '4XX': { description: '请求有误', content: { 'application/json': { schema: ERROR_ENVELOPE } } },
    },
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
  } else if (route.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
  }
  return op;
}

/**
 * The OpenAPI 3 paths of the contract routes, generated from their zod schemas (zod's own JSON
 * Schema export): parameters, request body, the success envelope with its data schema, and the
 * error envelope — so every operation in `/api/docs` has a response schema.
 */
export function contractPaths(routes: RouteSpec[]): Record<string, Record<string, Json>> {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const key = openApiPath(route.path);
    paths[key] = { ...(paths[key] ?? {}), [route.method.toLowerCase()]: operation(route) };
  }
  return paths;
}

/** The document served at /api/docs: the legacy (decorator-described) routes plus the contract's. */
export function mergeDocuments(legacy: Json, routes: RouteSpec[]): Json {
  const paths = { ...((legacy.paths as Json) ?? {}) } as Record<string, Record<string, Json>>;
  for (const [path, ops] of Object.entries(contractPaths(routes))) paths[path] = { ...(paths[path] ?? {}), ...ops };
  const components = (legacy.components ?? {}) as Json;
  const securitySchemes = {
    ...((components.securitySchemes as Json) ?? {}),
    bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
  };
  return { ...legacy, paths, components: { ...components, securitySchemes } };
}
