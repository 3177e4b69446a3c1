// Shared by bff/test/dues-pay-{orders,notify,jobs}.test.ts: the real BFF with WeChat Pay configured against
// the in-process simulator (either key mode), a branch with two members whose mini-program accounts are
// linked, and bills written straight into dues_bill (the bills API is not what these files test).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MERCHANT, startSim, dev } from '../../scripts/sim/wechatpay/test-helpers';
import type { KeyMode, WechatPaySim } from '../../scripts/sim/wechatpay';
import type { Backend } from './support/backends';
import { startTestApp, type TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { mpLogin } from './support/mp-fixtures';
import { createPartyOrg, partyStaff, PARTY_WORK, registryPerson } from './support/party-fixtures';
import { MpUser } from '../src/modules/mp-user';
import { DuesBill } from '../src/modules/dues/bills/dues-bill.entity';
import { PayOrder } from '../src/modules/dues/payments/pay-order.entity';
import { PayNotification } from '../src/modules/dues/payments/pay-notification.entity';

export { dev, MERCHANT };
export type { KeyMode, WechatPaySim };

export interface Who {
  id: string;
  auth: string;
}

export interface PayWorld {
  t: TestApp;
  sim: WechatPaySim;
  /** The branch secretary (dues:manage) of branch A, the town admin (party:manage) and B's secretary. */
  admin: Who;
  secretaryA: Who;
  secretaryB: Who;
  /** Members: 李一 and 李二 in branch A, 孙一 in branch B; `user` is their mini-program login. */
  members: Record<'a1' | 'a2' | 'b1', { id: string; orgId: string; orgPath: string; user: Who }>;
  close(): Promise<void>;
}

/**
 * A tiny forwarder that exists before the BFF does: WeChat Pay's notify_url must be in the BFF's
 * environment at start, and the BFF's port is only known afterwards. Bytes and headers pass unchanged.
 */
async function startForwarder(): Promise<{ url: string; target: { url?: string }; server: Server }> {
  const target: { url?: string } = {};
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!target.url) {
        res.writeHead(503).end();
        return;
      }
      const out = request(`${target.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => res.writeHead(502).end());
      out.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, target, server };
}

/** The merchant's WECHATPAY_* variables for the simulator (key files in a fresh temp dir). */
export function wechatPayEnv(sim: WechatPaySim, notifyUrl: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'zhili-pay-'));
  const keyPath = join(dir, 'apiclient_key.pem');
  writeFileSync(keyPath, MERCHANT.privateKeyPem, { mode: 0o600 });
  const env: Record<string, string> = {
    WECHATPAY_MCHID: MERCHANT.mchid,
    WECHATPAY_APPID: MERCHANT.appid,
    WECHATPAY_SERIAL_NO: MERCHANT.serialNo,
    WECHATPAY_PRIVATE_KEY_PATH: keyPath,
    WECHATPAY_APIV3_KEY: MERCHANT.apiV3Key,
    WECHATPAY_BASE_URL: sim.url,
    WECHATPAY_NOTIFY_URL: notifyUrl,
  };
  if (sim.mode === 'publicKey') {
    const platform = sim.platform();
    const pubPath = join(dir, 'wechatpay_public_key.pem');
    writeFileSync(pubPath, platform.publicKeyPem);
    env.WECHATPAY_PUBLIC_KEY_ID = platform.serial;
    env.WECHATPAY_PUBLIC_KEY_PATH = pubPath;
  }
  return env;
}

/** Starts simulator + BFF (payments on) and the party fixtures. */
export async function startPayWorld(backend: Backend, mode: KeyMode, extraEnv: Record<string, string> = {}) {
  const sim = await startSim(mode);
  const forwarder = await startForwarder();
  let t: TestApp;
  try {
    t = await startTestApp(backend, {
      JOBS_ENABLED: 'false',
      ...wechatPayEnv(sim, `${forwarder.url}/api/callbacks/wechatpay/payment`),
      ...extraEnv,
    });
  } catch (err) {
    forwarder.server.close();
    await sim.close();
    throw err;
  }
  forwarder.target.url = t.url;
  const world = await partyWorld(t);
  return {
    ...world,
    sim,
    async close() {
      await sim.settled().catch(() => undefined);
      await sim.close();
      forwarder.server.closeAllConnections();
      forwarder.server.close();
      await t.close();
    },
  } satisfies PayWorld;
}

/** The branch, its staff and three members with linked mini-program accounts. */
export async function partyWorld(t: TestApp): Promise<Omit<PayWorld, 'sim' | 'close'>> {
  const ds = await dataSourceOf(t);
  const town = await createRegion(t, '青山镇', 'town');
  const villageA = await createRegion(t, '幸福村', 'village', town);
  const villageB = await createRegion(t, '和谐村', 'village', town);
  const admin = await partyStaff(t, 'pay.town', town, ['party:manage', ...PARTY_WORK, 'dues:manage']);
  const secretaryA = await partyStaff(t, 'pay.sec.a', villageA, [...PARTY_WORK, 'dues:manage']);
  const secretaryB = await partyStaff(t, 'pay.sec.b', villageB, [...PARTY_WORK, 'dues:manage']);
  const committee = await createPartyOrg(t, admin, { parentId: null, type: 'committee', name: '青山镇党委' });
  const branchA = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '幸福村党支部' });
  const branchB = await createPartyOrg(t, admin, { parentId: committee.id, type: 'branch', name: '和谐村党支部' });
  const post = (who: Who, path: string, body: object) => t.http().post(path).set('Authorization', who.auth).send(body);
  await post(admin, `/api/admin/party/orgs/${branchA.id}/staff`, { staffUserId: secretaryA.id });
  await post(admin, `/api/admin/party/orgs/${branchB.id}/staff`, { staffUserId: secretaryB.id });
  const members = {} as PayWorld['members'];
  const member = async (key: 'a1' | 'a2' | 'b1', name: string, region: typeof villageA, orgId: string) => {
    const person = await registryPerson(t, name, region);
    const res = await post(admin, '/api/admin/party/members', {
      personId: person.id,
      orgId,
      category: 'full',
      joinedOn: '2001-07-01',
    });
    if (res.status !== 201) throw new Error(`member ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    const id = res.body.data.id as string;
    const login = await mpLogin(t, `pay-${key}`);
    await ds.getRepository(MpUser).update({ id: login.id }, { roles: ['party_member'] });
    const linked = await t
      .http()
      .put(`/api/admin/party/members/${id}/mp-account`)
      .set('Authorization', admin.auth)
      .send({ mpUserId: login.id });
    if (linked.status !== 204) throw new Error(`link ${name}: ${linked.status}`);
    // The role takes effect in a fresh token.
    const user = await mpLogin(t, `pay-${key}`);
    const org = (await ds.query('SELECT path FROM party_org WHERE id = ?', [orgId])) as { path: string }[];
    members[key] = { id, orgId, orgPath: org[0].path, user };
  };
  await member('a1', '李一', villageA, branchA.id);
  await member('a2', '李二', villageA, branchA.id);
  await member('b1', '孙一', villageB, branchB.id);
  return { t, admin, secretaryA, secretaryB, members };
}

/** An unpaid bill of the member (monthly unless said), written straight into the table. */
export async function insertBill(
  t: TestApp,
  member: { id: string; orgId: string; orgPath: string },
  month: string,
  amountFen: number,
  kind: 'monthly' | 'special' | 'voluntary' = 'monthly',
): Promise<DuesBill> {
  const ds = await dataSourceOf(t);
  const id = randomUUID();
  const bill = ds.getRepository(DuesBill).create({
    id,
    memberId: member.id,
    orgId: member.orgId,
    orgPath: member.orgPath,
    kind,
    month,
    period: kind === 'monthly' ? month : id,
    amountFen,
    declarationId: null,
    title: null,
    status: 'unpaid',
    dueOn: `${month}-28`,
    paidVia: null,
    paidAt: null,
    paidOrderNo: null,
    recordedBy: null,
    paidNote: null,
  });
  await ds.getRepository(DuesBill).insert(bill);
  return bill;
}

export async function billRow(t: TestApp, id: string): Promise<DuesBill> {
  return (await dataSourceOf(t)).getRepository(DuesBill).findOneByOrFail({ id });
}

export async function orderRow(t: TestApp, outTradeNo: string): Promise<PayOrder> {
  return (await dataSourceOf(t)).getRepository(PayOrder).findOneByOrFail({ outTradeNo });
}

/** Every record of the order's notifications and queries, oldest first. */
export async function notificationRows(t: TestApp, outTradeNo?: string): Promise<PayNotification[]> {
  const repo = (await dataSourceOf(t)).getRepository(PayNotification);
  const rows = await repo.find(outTradeNo ? { where: { outTradeNo } } : {});
  return rows.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

/** The member orders the bills: POST /api/mp/dues/orders. */
export function orderBills(t: TestApp, who: Who, billIds: string[], extra: object = {}) {
  return t
    .http()
    .post('/api/mp/dues/orders')
    .set('Authorization', who.auth)
    .send({ billIds, ...extra });
}

/** Resolves when `check` holds (polling), or fails after `ms`. */
export async function eventually(check: () => Promise<boolean>, ms = 10_000, what = 'condition'): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
