import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { http, request, setUnauthorizedHandler, ApiRequestError } from './http';
import { clearTokens, getAccessToken, setTokens } from './session';

vi.mock('@/ui/feedback', () => ({ toastError: vi.fn() }));

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: BodyInit | null | undefined;
}

/** A fake BFF: answers each call with the next queued response and records what it was sent. */
function fakeServer(...answers: Response[]): Seen[] {
  const seen: Seen[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      seen.push({
        url,
        method: init.method ?? 'GET',
        headers: init.headers as Record<string, string>,
        body: init.body,
      });
      const next = answers.shift();
      if (!next) throw new TypeError('no answer queued');
      return next;
    }),
  );
  return seen;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

beforeEach(() => setTokens({ accessToken: 'old-access', refreshToken: 'refresh-1', expiresIn: 900 }));
afterEach(() => {
  clearTokens();
  vi.unstubAllGlobals();
});

describe('request', () => {
  it('sends the bearer token and the query, and unwraps the envelope', async () => {
    const seen = fakeServer(json(200, { data: { id: 'u1' } }));
    await expect(
      request<{ id: string }>('GET', '/api/admin/x', { query: { q: '张', empty: '', none: null } }),
    ).resolves.toEqual({ id: 'u1' });
    expect(seen[0].url).toBe(`/api/admin/x?q=${encodeURIComponent('张')}`);
    expect(seen[0].headers.Authorization).toBe('Bearer old-access');
  });

  it('turns an error envelope into ApiRequestError with the server message', async () => {
    fakeServer(
      json(409, { error: { code: 'REGION_NOT_EMPTY', message: '区域下仍有数据' } }, { 'x-request-id': 'r-9' }),
    );
    const error = await request('DELETE', '/api/admin/regions/1', { silent: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 409, code: 'REGION_NOT_EMPTY', message: '区域下仍有数据', requestId: 'r-9' });
  });

  it('refreshes an expired token once and retries with the new one', async () => {
    const seen = fakeServer(
      json(401, { error: { code: 'AUTH_TOKEN_EXPIRED', message: 'expired' } }),
      json(200, { data: { accessToken: 'new-access', refreshToken: 'refresh-2', expiresIn: 900 } }),
      json(200, { data: 'ok' }),
    );
    await expect(http.get<string>('/api/admin/y')).resolves.toBe('ok');
    expect(seen.map((s) => s.url)).toEqual(['/api/admin/y', '/api/admin/auth/refresh', '/api/admin/y']);
    expect(seen[2].headers.Authorization).toBe('Bearer new-access');
    expect(getAccessToken()).toBe('new-access');
  });

  it('ends the session when the refresh is refused', async () => {
    const ended = vi.fn();
    setUnauthorizedHandler(ended);
    fakeServer(
      json(401, { error: { code: 'AUTH_TOKEN_EXPIRED', message: 'expired' } }),
      json(401, { error: { code: 'AUTH_SESSION_IDLE', message: '长时间未操作' } }),
    );
    await expect(http.get('/api/admin/z')).rejects.toMatchObject({ code: 'AUTH_SESSION_IDLE' });
    expect(ended).toHaveBeenCalledWith('AUTH_SESSION_IDLE');
    expect(getAccessToken()).toBeNull();
  });

  it('sends the refresh as its contract route says and ends the session on an answer that is no token pair', async () => {
    const ended = vi.fn();
    setUnauthorizedHandler(ended);
    const seen = fakeServer(
      json(401, { error: { code: 'AUTH_TOKEN_EXPIRED', message: 'expired' } }),
      // A token pair without its lifetime: storing it would make the session expire at once.
      json(200, { data: { accessToken: 'new-access', refreshToken: 'refresh-2' } }),
    );
    await expect(http.get('/api/admin/v', { silent: true })).rejects.toMatchObject({ code: 'AUTH_TOKEN_EXPIRED' });
    expect(seen[1]).toMatchObject({ url: '/api/admin/auth/refresh', method: 'POST' });
    expect(JSON.parse(String(seen[1].body))).toEqual({ refreshToken: 'refresh-1' });
    expect(seen[1].headers.Authorization).toBeUndefined();
    expect(ended).toHaveBeenCalledWith('AUTH_TOKEN_EXPIRED');
    expect(getAccessToken()).toBeNull();
  });

  it('reports a proxy error page without an envelope as service unavailable', async () => {
    fakeServer(new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    await expect(http.get('/api/admin/w', { silent: true })).rejects.toMatchObject({
      status: 502,
      code: 'SERVICE_UNAVAILABLE',
    });
  });
});

describe('files through the same client', () => {
  it('uploads multipart without forcing a JSON content type', async () => {
    const seen = fakeServer(json(201, { data: { id: 'f1' } }));
    const form = new FormData();
    form.append('kind', 'persons');
    await expect(http.upload<{ id: string }>('/api/admin/files', form)).resolves.toEqual({ id: 'f1' });
    expect(seen[0].method).toBe('POST');
    expect(seen[0].body).toBe(form);
    expect(seen[0].headers['Content-Type']).toBeUndefined();
  });

  it('downloads a file under the name the server gives', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    const seen = fakeServer(
      new Response('xlsx-bytes', {
        status: 200,
        headers: { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('人口信息-脱敏.xlsx')}` },
      }),
    );
    await expect(
      http.download('/api/admin/registry/exports/persons', '人口信息.xlsx', { query: { tag: 'a,b' } }),
    ).resolves.toBe('人口信息-脱敏.xlsx');
    expect(seen[0].url).toBe('/api/admin/registry/exports/persons?tag=a%2Cb');
    expect(click).toHaveBeenCalledOnce();
    expect(created.mock.calls[0][0]).toBeInstanceOf(Blob);
  });

  it('reads a failed download as the usual error envelope', async () => {
    fakeServer(json(403, { error: { code: 'FORBIDDEN', message: '无权导出' } }));
    await expect(http.blob('/api/admin/regions/export.geojson')).rejects.toMatchObject({
      status: 403,
      message: '无权导出',
    });
  });
});
