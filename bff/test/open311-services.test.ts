import { XMLParser } from 'fast-xml-parser';
import { currentBackend } from './support/backends';
import { startTestApp, TestApp } from './support/test-app';
import { CaseTown, setupCaseTown } from './support/case-fixtures';
import { CaseCategory } from '../src/modules/case';

const backend = currentBackend();

/**
 * Open311 GeoReport v2, the read-only service side, checked against the spec's text
 * (wiki.open311.org/GeoReport_v2 and /Service_Discovery): discovery, GET Service List, GET Service
 * Definition, formats and errors.
 */
describe(`Open311 discovery and services on ${backend.name}`, () => {
  let t: TestApp;
  let town: CaseTown;
  const JURISDICTION = 'qingshan.test';
  /** Lists are parsed as arrays whatever their length (the spec's containers). */
  const xml = new XMLParser({
    parseTagValue: false,
    isArray: (_name, jpath) =>
      [
        'services.service',
        'errors.error',
        'discovery.endpoints.endpoint',
        'discovery.endpoints.endpoint.formats.format',
        'service_definition.attributes.attribute',
      ].includes(String(jpath)),
  });
  const get = (path: string) => t.http().get(`/open311/v2${path}`);

  beforeAll(async () => {
    t = await startTestApp(backend, { JOBS_ENABLED: 'false', OPEN311_JURISDICTION: JURISDICTION });
    town = await setupCaseTown(t);
    await town.ds.getRepository(CaseCategory).update({ code: 'noise' }, { active: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('service discovery', () => {
    it('answers discovery.json with the fields the discovery spec requires', async () => {
      const res = await get('/discovery.json');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Object.keys(res.body).sort()).toEqual(['changeset', 'contact', 'endpoints', 'key_service']);
      expect(res.body.endpoints).toEqual([
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: expect.stringMatching(/\/open311\/v2$/),
          changeset: res.body.changeset,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ]);
    });

    it('answers discovery.xml as a UTF-8 <discovery> document with <endpoints><endpoint>', async () => {
      const res = await get('/discovery.xml');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      const doc = xml.parse(res.text).discovery;
      expect(doc.endpoints.endpoint[0].specification).toBe('http://wiki.open311.org/GeoReport_v2');
      expect(doc.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
    });
  });

  describe('GET Service List', () => {
    it('lists the active categories as services (JSON array of service objects)', async () => {
      const res = await get('/services.json');
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body)).toBe(true);
      const road = res.body.find((s: { service_code: string }) => s.service_code === 'road');
      expect(road).toEqual({
        service_code: 'road',
        service_name: '道路破损',
        description: '道路破损',
        metadata: false,
        type: 'realtime',
        keywords: '道路破损,城建办',
        group: '城建办',
      });
      expect(res.body.map((s: { service_code: string }) => s.service_code)).not.toContain('noise');
      for (const s of res.body) expect(['realtime', 'batch', 'blackbox']).toContain(s.type);
    });

    it('lists the same services in XML as <services><service>…', async () => {
      const json = (await get('/services.json')).body as { service_code: string }[];
      const res = await get('/services.xml');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      const services = xml.parse(res.text).services.service as Record<string, string>[];
      expect(services.map((s) => s.service_code)).toEqual(json.map((s) => s.service_code));
      expect(services.find((s) => s.service_code === 'road')).toMatchObject({
        service_name: '道路破损',
        metadata: 'false',
        type: 'realtime',
        group: '城建办',
      });
    });
  });

  describe('GET Service Definition', () => {
    it('answers services/{code}.json with service_code and its (empty) attributes', async () => {
      const res = await get('/services/road.json');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ service_code: 'road', attributes: [] });
    });

    it('answers services/{code}.xml with a <service_definition> root', async () => {
      const res = await get('/services/road.xml');
      expect(res.status).toBe(200);
      expect(xml.parse(res.text).service_definition.service_code).toBe('road');
    });

    it('answers 404 with the spec error list for an unknown or deactivated service_code', async () => {
      const json = await get('/services/pothole.json');
      expect(json.status).toBe(404);
      expect(json.body).toEqual([{ code: 404, description: expect.stringContaining('pothole') }]);
      expect((await get('/services/noise.json')).status).toBe(404);
      const res = await get('/services/pothole.xml');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(xml.parse(res.text).errors.error).toEqual([
        { code: '404', description: expect.stringContaining('pothole') },
      ]);
    });
  });

  it('is documented in /api/docs from the contract: JSON and XML answers, the error list, the form body', async () => {
    interface Op {
      security?: unknown;
      requestBody?: { content: Record<string, unknown> };
      responses: Record<string, { content?: Record<string, unknown> }>;
    }
    const paths = (await t.http().get('/api/docs/index.json')).body.paths as Record<string, Record<string, Op>>;
    expect(
      Object.keys(paths)
        .filter((p) => p.startsWith('/open311/'))
        .sort(),
    ).toEqual([
      '/open311/v2/discovery.{format}',
      '/open311/v2/requests.{format}',
      '/open311/v2/requests/{id}.{format}',
      '/open311/v2/services.{format}',
      '/open311/v2/services/{code}.{format}',
      '/open311/v2/tokens/{token}.{format}',
    ]);
    const definition = paths['/open311/v2/services/{code}.{format}'].get;
    for (const status of ['200', '4XX'])
      expect(Object.keys(definition.responses[status].content ?? {})).toEqual(['application/json', 'text/xml']);
    expect(definition.security).toBeUndefined();
    const post = paths['/open311/v2/requests.{format}'].post;
    expect(Object.keys(post.requestBody?.content ?? {})).toEqual(['application/x-www-form-urlencoded']);
    for (const field of ['api_key', 'service_code', 'lat', 'long', 'description', 'media_url'])
      expect(JSON.stringify(post.requestBody)).toContain(`"${field}"`);
  });

  describe('jurisdiction_id and formats', () => {
    it('accepts its own jurisdiction_id (or none, or an empty one) and answers 404 for another', async () => {
      expect((await get(`/services.json?jurisdiction_id=${JURISDICTION}`)).status).toBe(200);
      expect((await get('/services.json?jurisdiction_id=')).status).toBe(200);
      const other = await get('/services.xml?jurisdiction_id=sfgov.org');
      expect(other.status).toBe(404);
      expect(xml.parse(other.text).errors.error[0]).toEqual({
        code: '404',
        description: expect.stringContaining('sfgov.org'),
      });
      expect((await get('/services/road.json?jurisdiction_id=sfgov.org')).status).toBe(404);
    });

    it('answers an unsupported format suffix with 404 in XML, the required format', async () => {
      const res = await get('/services.csv');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(xml.parse(res.text).errors.error[0].code).toBe('404');
      expect((await get('/services.JSON')).status).toBe(200);
    });
  });
});
