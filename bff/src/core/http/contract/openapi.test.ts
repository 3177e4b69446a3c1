import SwaggerParser from '@apidevtools/swagger-parser';
import { allRoutes, defineRoute, z } from '@zhili/shared';
import type { RouteSpec } from '@zhili/shared';
import { contractDocument, mergeDocuments } from './openapi';

type Json = Record<string, unknown>;
interface Envelope {
  properties: { data: Json };
}

/** What @midwayjs/swagger hands over when no legacy route is left. */
const EMPTY_LEGACY = { openapi: '3.0.1', info: { title: 'test', version: '0.0.0' }, paths: {} };

/** An OpenAPI document as the validator types it (its first parameter takes a file name too). */
type Doc = Exclude<Parameters<typeof SwaggerParser.validate>[0], string>;

/** The validator dereferences in place: give it a copy. */
const validate = (doc: object) => SwaggerParser.validate(structuredClone(doc) as unknown as Doc);

interface TreeNode {
  name: string;
  children: TreeNode[];
}
const TreeNodeSchema: z.ZodType<TreeNode> = z.lazy(() =>
  z.object({ name: z.string(), children: z.array(TreeNodeSchema) }),
);
const SelfTree = z.object({
  name: z.string(),
  get children() {
    return z.array(SelfTree);
  },
});
const Place = z.object({ id: z.number().int(), label: z.string() }).meta({ id: 'Place' });

const route = (spec: Partial<RouteSpec> & Pick<RouteSpec, 'path'>): RouteSpec =>
  defineRoute({ method: 'GET', summary: '测试', tag: '测试', audience: 'staff', response: null, ...spec });

describe('the OpenAPI document generated from the contract', () => {
  it('is a valid OpenAPI 3.0 document for every route of the table', async () => {
    const doc = mergeDocuments(EMPTY_LEGACY, allRoutes());
    await expect(validate(doc)).resolves.toBeTruthy();
  });

  it('documents a download as 200 with the file, not as 204 No Content', () => {
    const downloads = allRoutes().filter((r) => r.responseKind === 'file' && !r.status);
    expect(downloads.length).toBeGreaterThan(0);
    const { paths } = contractDocument(downloads);
    for (const r of downloads) {
      const op = paths[r.path.replace(/:(\w+)/g, '{$1}')][r.method.toLowerCase()] as { responses: object };
      expect({ route: r.path, statuses: Object.keys(op.responses) }).toEqual({
        route: r.path,
        statuses: ['200', '4XX'],
      });
    }
  });

  it('hoists recursive and named schemas into components.schemas, so every $ref resolves', async () => {
    const routes = [
      route({ path: '/api/test/lazy-tree', response: z.object({ root: TreeNodeSchema }) }),
      route({ path: '/api/test/self-tree', response: SelfTree }),
      route({ method: 'POST', path: '/api/test/places', body: z.object({ place: Place }), response: Place }),
      route({ path: '/api/test/places/:id', params: z.object({ id: z.string() }), response: Place }),
    ];
    const doc = mergeDocuments(EMPTY_LEGACY, routes);
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/"#\/definitions|"#"|"definitions"/);
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas).sort()).toEqual(
      ['Place', 'Place.input', 'get_api_test_lazy-tree.response.schema0', 'get_api_test_self-tree.response'].sort(),
    );
    await expect(validate(doc)).resolves.toBeTruthy();
    // Dereferenced, the recursion is a real cycle back to the tree node.
    const deref = (await SwaggerParser.dereference(structuredClone(doc) as unknown as Doc)) as unknown as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: Envelope }> }> } }>;
    };
    const { data } =
      deref.paths['/api/test/self-tree'].get.responses['200'].content['application/json'].schema.properties;
    expect(((data.properties as Json).children as Json).items).toBe(data);
  });

  it('refuses two different schemas under one meta id instead of documenting one of them wrongly', () => {
    const Other = z.object({ code: z.string() }).meta({ id: 'Place' });
    expect(() =>
      contractDocument([
        route({ path: '/api/test/a', response: Place }),
        route({ path: '/api/test/b', response: Other }),
      ]),
    ).toThrow(/two different schemas are named Place/);
  });

  it('would notice a document Swagger UI cannot read (the validator is not blind)', async () => {
    const doc = mergeDocuments(EMPTY_LEGACY, [route({ path: '/api/test/x', response: z.object({ a: z.string() }) })]);
    const op = (doc.paths as Record<string, Record<string, { responses: Record<string, Json> }>>)['/api/test/x'].get;
    (op.responses['200'] as Json).content = {
      'application/json': { schema: { type: 'object', properties: { a: { $ref: '#/$defs/a' } } } },
    };
    await expect(validate(doc)).rejects.toThrow(/\$defs/);
    (op.responses['200'] as Json).content = { 'application/json': { schema: { type: 'string', const: 'a' } } };
    await expect(validate(doc)).rejects.toThrow(/validation failed/i);
  });
});
