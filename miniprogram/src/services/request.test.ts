import { requests, resetTaroMock, respondWith, storage, toasts } from '../../test/taro-mock';
import { AppError } from './errors';
import { request, requestList, setReloginHandler, uploadFile } from './request';
import { getSession, saveTokens } from './session';

const ok = (data: unknown) => () => ({ statusCode: 200, data: { data } });
const fail = (statusCode: number, code: string, message: string) => () => ({
  statusCode,
  data: { error: { code, message } },
});

beforeEach(() => {
  resetTaroMock();
  setReloginHandler(() => Promise.resolve(false));
});

describe('request', () => {
  it('unwraps the data envelope and sends the bearer token', async () => {
    saveTokens({ accessToken: 'at1', refreshToken: 'rt1', expiresIn: 60 });
    respondWith(ok({ id: 'u1' }));
    await expect(request('/api/mp/me')).resolves.toEqual({ id: 'u1' });
    expect(requests[0].url).toBe('http://bff.test/api/mp/me');
    expect(requests[0].header?.Authorization).toBe('Bearer at1');
  });

  it('maps an error envelope to a typed AppError and toasts its message', async () => {
    respondWith(fail(400, 'VALIDATION_FAILED', '昵称过长'));
    const error = await request('/api/mp/me', { method: 'PATCH', data: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, message: '昵称过长' });
    expect(toasts).toEqual(['昵称过长']);
  });

  it('does not toast when silent', async () => {
    respondWith(fail(404, 'NOT_FOUND', '请求的资源不存在'));
    await expect(request('/x', { silent: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(toasts).toEqual([]);
  });

  it('reports a network failure as 网络异常，请检查网络', async () => {
    respondWith(() => {
      throw new Error('request:fail');
    });
    await expect(request('/api/health', { auth: false })).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    expect(toasts).toEqual(['网络异常，请检查网络']);
  });

  it('uses the shared message for a non-envelope error response', async () => {
    respondWith(() => ({ statusCode: 502, data: '<html>bad gateway</html>' }));
    await expect(request('/api/health', { auth: false, silent: true })).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: '服务暂时不可用，请稍后再试',
    });
  });

  it('accepts a listed non-2xx status that carries data (503 degraded health)', async () => {
    respondWith(() => ({ statusCode: 503, data: { data: { status: 'degraded' } } }));
    await expect(request('/api/health', { auth: false, acceptStatus: [503] })).resolves.toEqual({ status: 'degraded' });
  });

  it('refreshes an expired token once for concurrent calls and retries both', async () => {
    saveTokens({ accessToken: 'old', refreshToken: 'rt-old', expiresIn: 60 });
    const expired = fail(401, 'AUTH_TOKEN_EXPIRED', '登录已过期');
    let refreshCalls = 0;
    const byToken = (req: { url: string; header?: Record<string, string> }) => {
      if (req.url.endsWith('/api/mp/auth/refresh')) {
        refreshCalls += 1;
        return { statusCode: 200, data: { data: { accessToken: 'new', refreshToken: 'rt-new', expiresIn: 60 } } };
      }
      return req.header?.Authorization === 'Bearer new' ? { statusCode: 200, data: { data: req.url } } : expired();
    };
    respondWith(byToken, byToken, byToken, byToken, byToken);
    const results = await Promise.all([request<string>('/a'), request<string>('/b')]);
    expect(results).toEqual(['http://bff.test/a', 'http://bff.test/b']);
    expect(refreshCalls).toBe(1);
    expect(getSession()?.refreshToken).toBe('rt-new');
    expect(toasts).toEqual([]);
  });

  it('clears the session and asks for a new login when the token is invalid', async () => {
    saveTokens({ accessToken: 'bad', refreshToken: 'rt', expiresIn: 60 });
    const relogin = jest.fn(() => Promise.resolve(false));
    setReloginHandler(relogin);
    respondWith(fail(401, 'AUTH_TOKEN_INVALID', '登录凭证无效，请重新登录'));
    await expect(request('/api/mp/me')).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
    expect(relogin).toHaveBeenCalledTimes(1);
    expect(storage.has('zhili.session')).toBe(false);
  });

  it('retries with the new session after a successful re-login', async () => {
    setReloginHandler(() => {
      saveTokens({ accessToken: 'fresh', refreshToken: 'rt', expiresIn: 60 });
      return Promise.resolve(true);
    });
    respondWith(fail(401, 'AUTH_REQUIRED', '请先登录'), ok('me'));
    await expect(request('/api/mp/me')).resolves.toBe('me');
    expect(requests[1].header?.Authorization).toBe('Bearer fresh');
  });
});

describe('requestList and uploadFile', () => {
  it('returns the list envelope with its page info', async () => {
    saveTokens({ accessToken: 'at1', refreshToken: 'rt1', expiresIn: 60 });
    respondWith(() => ({
      statusCode: 200,
      data: { data: [{ id: 'h1' }], page: { page: 1, pageSize: 20, total: 41 } },
    }));
    await expect(requestList('/api/mp/grid/households', { data: { page: 1 } })).resolves.toEqual({
      data: [{ id: 'h1' }],
      page: { page: 1, pageSize: 20, total: 41 },
    });
  });

  it('refuses a list answer without page info instead of pretending it is complete', async () => {
    respondWith(ok([{ id: 'h1' }]));
    await expect(requestList('/api/mp/grid/households', { silent: true })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
  });

  it('uploads as multipart field "file" with the bearer token and parses the string body', async () => {
    saveTokens({ accessToken: 'at1', refreshToken: 'rt1', expiresIn: 60 });
    respondWith(() => ({
      statusCode: 201,
      data: { data: { id: 'f1', mime: 'image/jpeg', sizeBytes: 10, url: '/api/files/f1?exp=1&sig=x' } },
    }));
    await expect(uploadFile('/api/mp/files', 'blob:photo-1')).resolves.toMatchObject({ id: 'f1' });
    expect(requests[0]).toMatchObject({
      method: 'UPLOAD',
      filePath: 'blob:photo-1',
      name: 'file',
      url: 'http://bff.test/api/mp/files',
    });
    expect(requests[0].header?.Authorization).toBe('Bearer at1');
  });

  it('refreshes an expired token and retries the upload once', async () => {
    saveTokens({ accessToken: 'old', refreshToken: 'rt1', expiresIn: 60 });
    respondWith(
      fail(401, 'AUTH_TOKEN_EXPIRED', '登录已过期'),
      ok({ accessToken: 'new', refreshToken: 'rt2', expiresIn: 60 }),
      () => ({ statusCode: 201, data: { data: { id: 'f2' } } }),
    );
    await expect(uploadFile('/api/mp/files', 'blob:photo-2')).resolves.toMatchObject({ id: 'f2' });
    expect(requests.map((r) => r.method)).toEqual(['UPLOAD', 'POST', 'UPLOAD']);
    expect(requests[2].header?.Authorization).toBe('Bearer new');
  });

  it('maps a refused file type to its Chinese message', async () => {
    saveTokens({ accessToken: 'at1', refreshToken: 'rt1', expiresIn: 60 });
    respondWith(fail(415, 'FILE_TYPE_NOT_ALLOWED', '只支持 JPG、PNG、WebP 图片'));
    await expect(uploadFile('/api/mp/files', 'blob:doc', { silent: true })).rejects.toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: '只支持 JPG、PNG、WebP 图片',
    });
  });
});
