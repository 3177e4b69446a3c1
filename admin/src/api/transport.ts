/**
 * One HTTP exchange of the admin client: URL with query, headers, body encoding (JSON or
 * multipart), timeout and abort, and the answer read as JSON/text or as a file. Session rules
 * (refresh, expiry, toasts) live in `http.ts`, which is the only caller.
 */
import { ApiRequestError, clientMessages } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;
/** A flat query object (list filters are joined first, see `api/registry/query.ts`). */
export type Query = Record<string, QueryValue>;
/** `json`: the `{ data }` envelope; `blob`: a file (a failure still answers with the JSON envelope). */
export type ResponseType = 'json' | 'blob';

export interface SendOptions {
  query?: Query;
  /** A `FormData` goes as multipart; anything else (but undefined) as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs: number;
  responseType?: ResponseType;
}

export interface RawResponse {
  status: number;
  /** Parsed JSON (or text) for JSON answers and every failure; the `Blob` of a successful file answer. */
  body: unknown;
  headers: Headers;
  requestId: string | null;
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

async function readBody(res: Response, responseType: ResponseType): Promise<unknown> {
  if (responseType === 'blob' && res.ok && res.status !== 204) return res.blob();
  const text = await res.text();
  if (!text) return null;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function encodeBody(body: unknown, headers: Record<string, string>): BodyInit | undefined {
  if (body === undefined) return undefined;
  // The browser sets the multipart boundary itself.
  if (body instanceof FormData) return body;
  headers['Content-Type'] = 'application/json';
  return JSON.stringify(body);
}

/** One fetch with timeout; the body is read inside the timeout window too. */
export async function send(
  method: HttpMethod,
  path: string,
  opts: SendOptions,
  token: string | null,
): Promise<RawResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  const forwardAbort = (): void => controller.abort();
  opts.signal?.addEventListener('abort', forwardAbort, { once: true });

  const responseType = opts.responseType ?? 'json';
  const headers: Record<string, string> = { Accept: responseType === 'json' ? 'application/json' : '*/*' };
  const body = encodeBody(opts.body, headers);
  if (token) headers.Authorization = `Bearer ${token}`;

  try {
    const res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      body,
      signal: controller.signal,
      credentials: 'same-origin',
    });
    const answer = await readBody(res, responseType);
    return { status: res.status, body: answer, headers: res.headers, requestId: res.headers.get('x-request-id') };
  } catch {
    if (timedOut) throw new ApiRequestError(0, 'NETWORK_TIMEOUT', clientMessages.NETWORK_TIMEOUT);
    if (opts.signal?.aborted) throw new ApiRequestError(0, 'ABORTED', clientMessages.ABORTED);
    throw new ApiRequestError(0, 'NETWORK_ERROR', clientMessages.NETWORK_ERROR);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', forwardAbort);
  }
}
