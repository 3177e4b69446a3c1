import * as routeIndex from './route-index.generated';
import { routeIndexOf, routeRefOf } from './route-ref';
import { contract } from './table';

describe('the route index (route-index.generated.ts)', () => {
  // Fails when a route is added, renamed, moved or re-pathed without regenerating the index.
  it('holds exactly the method, path and list flag of every route of the table (else: npm run gen:routes)', () => {
    expect({ ...routeIndex }).toEqual(routeIndexOf(contract));
  });

  it('keeps only what a client needs from a spec', () => {
    const spec = contract.mpCases.list;
    expect(routeRefOf(spec)).toEqual({ method: 'GET', path: '/api/mp/cases', list: true });
    expect(Object.keys(routeRefOf(contract.mpCases.submit)).sort()).toEqual(['method', 'path']);
  });
});
