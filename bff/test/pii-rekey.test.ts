import { randomBytes } from 'crypto';
import { currentBackend } from './support/backends';
import { startTestApp, TEST_APPID, TEST_SECRET, TestApp } from './support/test-app';
import { devPhoneCode, mpLogin } from './support/mp-fixtures';
import { dataSourceOf } from './support/staff-fixtures';
import { PiiCipher } from '../src/core/crypto/pii-cipher';
import { rekeyAll } from '../src/core/crypto/pii-rekey';
import { entities } from '../src/modules';
import { piiRekey } from '../src/cli/pii-rekey';

const backend = currentBackend();
const key = () => randomBytes(32).toString('base64');
const [K1, K2, K3, HMAC] = [key(), key(), key(), key()];
const cipher = (keys: string, active: string) =>
  PiiCipher.fromEnv({ PII_KEYS: keys, PII_ACTIVE_KEY_ID: active, PII_HMAC_KEY: HMAC });

const PHONES = ['13800000011', '13800000012', '13800000013', '13800000014', '13800000015'];

interface Row {
  id: string;
  phone_cipher: string;
  phone_key_id: string;
  phone_hash: string;
}

/** Key rotation: start on k1, rekey to k2 (then k3 through the CLI); old keys become removable. */
describe(`PII key rotation on ${backend.name}`, () => {
  let t: TestApp;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(backend, { PII_KEYS: `k1:${K1}`, PII_ACTIVE_KEY_ID: 'k1', PII_HMAC_KEY: HMAC });
    for (const [i, phone] of PHONES.entries()) {
      const user = await mpLogin(t, `rekey-${i}`);
      const res = await t
        .http()
        .post('/api/mp/me/phone')
        .set('Authorization', user.auth)
        .send({ code: await devPhoneCode(t.sim, phone) });
      expect(res.status).toBe(200);
      ids.push(user.id);
    }
    // A user without a phone is left alone.
    await mpLogin(t, 'rekey-nophone');
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = async (): Promise<Row[]> =>
    (await (
      await dataSourceOf(t)
    ).query(
      `SELECT id, phone_cipher, phone_key_id, phone_hash FROM mp_user WHERE phone_cipher IS NOT NULL ORDER BY id`,
    )) as Row[];
  const mpReport = <R extends { table: string }>(reports: R[]) => reports.find((r) => r.table === 'mp_user') as R;

  it('re-encrypts every row in batches with the new active key; only the new key is needed afterwards', async () => {
    const before = await rows();
    expect(before.map((r) => r.phone_key_id)).toEqual(PHONES.map(() => 'k1'));
    const batches: number[] = [];
    const reports = await rekeyAll(await dataSourceOf(t), cipher(`k1:${K1},k2:${K2}`, 'k2'), entities, {
      batchSize: 2,
      onBatch: (r) => r.table === 'mp_user' && batches.push(r.scanned),
    });
    expect(batches).toEqual([2, 4, 5]);
    expect(mpReport(reports)).toMatchObject({
      field: 'phone',
      scanned: 5,
      rekeyed: 5,
      skipped: 0,
      failed: 0,
      byKeyId: { k2: 5 },
    });

    const after = await rows();
    const k2Only = cipher(`k2:${K2}`, 'k2');
    for (const [i, row] of after.entries()) {
      expect(row.phone_key_id).toBe('k2');
      expect(row.phone_cipher).not.toBe(before[i].phone_cipher);
      // Hashes do not depend on the encryption key: lookups keep working.
      expect(row.phone_hash).toBe(before[i].phone_hash);
      expect(PHONES).toContain(k2Only.decrypt(row.phone_cipher, 'k2'));
    }
    expect(new Set(after.map((r) => k2Only.decrypt(r.phone_cipher, 'k2')))).toEqual(new Set(PHONES));
  });

  it('is idempotent: a second run finds nothing to do', async () => {
    const reports = await rekeyAll(await dataSourceOf(t), cipher(`k2:${K2}`, 'k2'), entities);
    expect(mpReport(reports)).toMatchObject({ scanned: 0, rekeyed: 0, failed: 0, byKeyId: { k2: 5 } });
  });

  it('runs as the pii:rekey command against DATABASE_URL', async () => {
    const options = (await dataSourceOf(t)).options as { type: string; database?: string; url?: string };
    const databaseUrl = options.type === 'better-sqlite3' ? `sqlite:${options.database}` : String(options.url);
    const reports = await piiRekey({
      batchSize: 3,
      source: {
        DATABASE_URL: databaseUrl,
        JWT_SECRET: 'x'.repeat(32),
        WECHAT_APPID: TEST_APPID,
        WECHAT_SECRET: TEST_SECRET,
        PII_KEYS: `k2:${K2},k3:${K3}`,
        PII_ACTIVE_KEY_ID: 'k3',
        PII_HMAC_KEY: HMAC,
      },
    });
    expect(mpReport(reports)).toMatchObject({ scanned: 5, rekeyed: 5, failed: 0, byKeyId: { k3: 5 } });
    const k3Only = cipher(`k3:${K3}`, 'k3');
    expect(new Set((await rows()).map((r) => k3Only.decrypt(r.phone_cipher, r.phone_key_id)))).toEqual(new Set(PHONES));
  });

  it('reports rows it cannot decrypt (tampered or unknown key) without touching them or looping', async () => {
    const ds = await dataSourceOf(t);
    const [victim, stranger] = await rows();
    const sealed = cipher(`k2:${K2}`, 'k2').encrypt('13800000099').cipher;
    const tampered = `${sealed.slice(0, 10)}${sealed[10] === 'A' ? 'B' : 'A'}${sealed.slice(11)}`;
    await ds.query('UPDATE mp_user SET phone_cipher = ?, phone_key_id = ? WHERE id = ?', [tampered, 'k2', victim.id]);
    await ds.query('UPDATE mp_user SET phone_key_id = ? WHERE id = ?', ['gone', stranger.id]);
    for (let run = 0; run < 2; run += 1) {
      const reports = await rekeyAll(ds, cipher(`k2:${K2},k3:${K3}`, 'k3'), entities, { batchSize: 1 });
      expect(mpReport(reports)).toMatchObject({
        scanned: 2,
        rekeyed: 0,
        failed: 2,
        byKeyId: { k2: 1, gone: 1, k3: 3 },
      });
    }
    const [row] = (await ds.query('SELECT phone_cipher FROM mp_user WHERE id = ?', [victim.id])) as Row[];
    expect(row.phone_cipher).toBe(tampered);
  });
});
