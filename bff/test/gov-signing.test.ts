import { createHash } from 'crypto';
import { checkGovSignature, govSign, govSignedHeaders, govStringToSign } from '../src/modules/gov';
import { signedHeaders as platformSignedHeaders } from '../../scripts/sim/gov';

// Pure unit tests of the signing scheme (docs/GOV-PROTOCOL.md §2.2); no app needed.
const creds = { appKey: 'demo', appSecret: 's3cr3t-s3cr3t-s3cr3t' };
const PATH = '/open/api/v1/hotline/orders/query';

describe('government signature scheme', () => {
  it('matches the documented known-answer vector', () => {
    const canonical = govStringToSign('post', PATH, 'demo', '1795000000000', '0123456789abcdef', '{}');
    expect(canonical).toBe(
      `POST\n${PATH}\ndemo\n1795000000000\n0123456789abcdef\n${createHash('sha256').update('{}').digest('hex')}`,
    );
    expect(govSign(creds.appSecret, canonical)).toBe(
      '425cda8f1a22a204a73b3d83d707423a529ec80daa5353ff3d78d665b0b3cb73',
    );
  });

  const request = (headers: Record<string, string>, body = '{"a":1}', path = PATH) => ({
    method: 'POST',
    path,
    body,
    header: (name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1],
  });

  it('accepts what the platform simulator signs, and what we sign', () => {
    const now = Date.now();
    expect(
      checkGovSignature(
        creds,
        request(platformSignedHeaders('demo', creds.appSecret, 'POST', PATH, '{"a":1}', now)),
        now,
      ),
    ).toMatchObject({ ok: true });
    expect(checkGovSignature(creds, request(govSignedHeaders(creds, 'POST', PATH, '{"a":1}', now)), now)).toMatchObject(
      { ok: true },
    );
  });

  it.each([
    ['another body', { body: '{"a":2}' }, 'signature'],
    ['another path', { path: '/other' }, 'signature'],
  ])('refuses a request with %s', (_label, change, reason) => {
    const now = Date.now();
    const headers = govSignedHeaders(creds, 'POST', PATH, '{"a":1}', now);
    const base = request(headers);
    expect(checkGovSignature(creds, { ...base, ...change }, now)).toEqual({ ok: false, reason });
  });

  it('refuses missing headers, unknown keys and stale or future timestamps', () => {
    const now = Date.now();
    const headers = govSignedHeaders(creds, 'POST', PATH, '{"a":1}', now);
    const { 'X-Ca-Nonce': _nonce, ...noNonce } = headers;
    expect(checkGovSignature(creds, request(noNonce), now)).toEqual({ ok: false, reason: 'missing' });
    expect(checkGovSignature({ ...creds, appKey: 'other' }, request(headers), now)).toEqual({
      ok: false,
      reason: 'app_key',
    });
    expect(checkGovSignature(creds, request(headers), now + 300_000)).toMatchObject({ ok: true });
    expect(checkGovSignature(creds, request(headers), now + 300_001)).toEqual({ ok: false, reason: 'timestamp' });
    expect(checkGovSignature(creds, request(headers), now - 300_001)).toEqual({ ok: false, reason: 'timestamp' });
  });
});
