import { routes } from '@zhili/shared/client';
import { requests, resetTaroMock, respondWith } from '../../test/taro-mock';
import { api } from './contract-client';
import { setReloginHandler } from './request';

const ok = (body: unknown) => () => ({ statusCode: 200, data: body });

beforeEach(() => {
  resetTaroMock();
  setReloginHandler(() => Promise.resolve(false));
});

// The calls go through the schema-free route index of @zhili/shared/client: method and path from
// the ref, the rest as the request client does it.
describe('api (contract client)', () => {
  it("fills the path's parameters and sends the route's method and body", async () => {
    respondWith(ok({ data: { id: 'c/1' } }));
    await api(routes.mpCases.rate, { params: { id: 'c/1' }, body: { rating: 5 } }, { silent: true });
    expect(requests[0]).toMatchObject({
      url: 'http://bff.test/api/mp/cases/c%2F1/rate',
      method: 'POST',
      data: { rating: 5 },
    });
  });

  it('answers a list route with data and page, its query in the URL without blank values', async () => {
    const page = { page: 2, pageSize: 20, total: 21 };
    respondWith(ok({ data: [{ id: 'c1' }], page }));
    const result = await api(
      routes.mpCases.list,
      { query: { scope: 'mine', status: undefined, page: 2, pageSize: 20 } },
      { silent: true },
    );
    expect(result).toEqual({ data: [{ id: 'c1' }], page });
    expect(requests[0].url).toBe('http://bff.test/api/mp/cases?scope=mine&page=2&pageSize=20');
    expect(requests[0].method ?? 'GET').toBe('GET');
  });

  it('unwraps data of a plain route', async () => {
    respondWith(ok({ data: { id: 'u1', nickname: '张三' } }));
    await expect(api(routes.mpMe.me, {}, { silent: true })).resolves.toEqual({ id: 'u1', nickname: '张三' });
    expect(requests[0]).toMatchObject({ url: 'http://bff.test/api/mp/me', method: 'GET' });
  });

  it('refuses a call whose path parameter is missing before anything is sent', () => {
    expect(() => api(routes.mpCases.detail, { params: { id: '' } })).toThrow(/id/);
    expect(requests).toEqual([]);
  });
});
