import type { AnyRouteRef, ClientInput, ClientOutput, MpCaseDetailVO, SpecOf } from './client';

// Every require of zod in this file fails, so a module that loads zod cannot be loaded here.
jest.mock('zod', () => {
  throw new Error('zod was loaded');
});

type ClientEntry = typeof import('./client');

describe('@zhili/shared/client', () => {
  it('loads without zod', () => {
    let client: ClientEntry | undefined;
    jest.isolateModules(() => {
      client = jest.requireActual<ClientEntry>('./client');
    });
    expect(client?.routes.mpCases.detail).toEqual({ method: 'GET', path: '/api/mp/cases/:id' });
    expect(client?.fillPath(client.routes.mpCases.detail.path, { id: 'c 1' })).toBe('/api/mp/cases/c%201');
    expect(client?.caseLimits).toBeDefined();
  });

  it('is the only entry that does: the full entry needs zod (so the check above can fail)', () => {
    jest.isolateModules(() => {
      expect(() => jest.requireActual('./index')).toThrow('zod was loaded');
    });
  });
});

// Type-level checks (tsc -p shared): a ref carries its spec's input and output types.
declare function call<Ref extends AnyRouteRef>(route: Ref, input: ClientInput<SpecOf<Ref>>): ClientOutput<SpecOf<Ref>>;
declare const client: ClientEntry;
export function typeChecks(): void {
  const detail: MpCaseDetailVO = call(client.routes.mpCases.detail, { params: { id: 'c1' } });
  const page = call(client.routes.mpCases.list, {});
  const total: number = page.page.total;
  // @ts-expect-error the submit route needs a body
  call(client.routes.mpCases.submit, {});
  // @ts-expect-error the detail route needs its id
  call(client.routes.mpCases.detail, {});
  // Either of two routes: the input both take.
  call(Math.random() < 0.5 ? client.routes.mpCases.follow : client.routes.mpCases.unfollow, { params: { id: 'c1' } });
  // @ts-expect-error the contract's specs are types only in this entry
  void client.mpCaseRoutes;
  void [detail, total];
}
