import type { Permission } from '../domain/permissions';
import type { z } from './zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route at all (the guard's first question); `permission` narrows staff routes. */
export type RouteAudience = 'staff' | 'mp' | 'public' | 'open311' | 'callback';

/**
 * One route of the API: the single source of its method, path, input and output. The BFF binds
 * handlers and validates through it, `/api/docs` is generated from it, and the admin and the
 * mini-program call the BFF through it — so a shape is written once.
 */
export interface RouteSpec {
  method: HttpMethod;
  /** Full path with `:name` parameters, e.g. `/api/admin/tags/:code`. */
  path: string;
  /** One line for the docs (Chinese, as the portal speaks). */
  summary: string;
  /** Docs group, e.g. `管理端 · 人员标签`. */
  tag: string;
  audience: RouteAudience;
  /** The staff permission the route needs (checked by the auth guard). */
  permission?: Permission;
  params?: z.ZodObject;
  query?: z.ZodType<object>;
  body?: z.ZodType;
  /**
   * Schema of `data` in the success envelope; for `list` routes, of one item (`{ data: T[], page }`);
   * `null` for 204 No Content. `file` responses (downloads) describe nothing here.
   */
  response: z.ZodType | null;
  list?: boolean;
  /** Success status; default 200 (201 for a create, 204 with `response: null`). */
  status?: 200 | 201 | 202 | 204;
  /**
   * How the body arrives: JSON (default), a multipart upload read by the handler itself, or `raw`:
   * the handler reads the exact bytes itself (signed callbacks) — `body` then only documents the
   * JSON form and is not validated here. `form`: form fields (application/x-www-form-urlencoded)
   * that the handler checks against `body` itself once it has authenticated the caller (Open311's
   * api_key: a refused key answers 403 before any 400 about the form).
   */
  bodyKind?: 'json' | 'multipart' | 'raw' | 'form';
  /**
   * What a success returns: the JSON envelope (default), a file download, or `document`: a document
   * of the route's own wire format instead of the envelope (Open311 GeoReport: XML or JSON as the
   * path's `.:format` suffix says), `response` being the schema of its JSON form.
   */
  responseKind?: 'json' | 'file' | 'document';
  /** `document` routes: the JSON form of their error answer (they do not use our error envelope). */
  errors?: z.ZodType;
}

/** Declares a route; the literal types are kept so inputs and outputs can be inferred from it. */
export function defineRoute<const S extends RouteSpec>(spec: S): S {
  return spec;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What a handler receives, already validated (defaults applied, query strings coerced). */
export interface RouteInput<R extends RouteSpec> {
  params: R['params'] extends z.ZodType ? z.output<R['params']> : Record<string, never>;
  query: Out<R['query']>;
  body: Out<R['body']>;
}

/** `data` of a success (one item for list routes). */
export type RouteData<R extends RouteSpec> = R['response'] extends z.ZodType ? z.output<R['response']> : void;

/** The success body the BFF sends (a download handler returns the file's content as Koa takes it). */
export type RouteResult<R extends RouteSpec> = R['responseKind'] extends 'file'
  ? unknown
  : R['response'] extends z.ZodType
    ? R['list'] extends true
      ? { data: z.input<R['response']>[]; page: { page: number; pageSize: number; total: number } }
      : { data: z.input<R['response']> }
    : void;

/** What a client passes: only the parts the route declares, in their input (pre-default) form. */
export type ClientInput<R extends RouteSpec> = (R['params'] extends z.ZodType
  ? { params: In<R['params']> }
  : { params?: undefined }) &
  (R['query'] extends z.ZodType ? { query?: In<R['query']> } : { query?: undefined }) &
  (R['body'] extends z.ZodType ? { body: In<R['body']> } : { body?: undefined });

/** What a client gets back: `data`, or `{ data, page }` for list routes. */
export type ClientOutput<R extends RouteSpec> = R['response'] extends z.ZodType
  ? R['list'] extends true
    ? { data: z.output<R['response']>[]; page: { page: number; pageSize: number; total: number } }
    : z.output<R['response']>
  : void;

/** Fills `:name` parameters of a path (encoded). */
export function fillPath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
