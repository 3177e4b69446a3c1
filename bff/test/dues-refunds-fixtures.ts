// Shared by bff/test/dues-refunds*.test.ts and dues-reconcile*.test.ts: a BFF configured against the
// in-process WeChat Pay simulator (public-key mode) through a pass-through proxy that can alter the trade
// bill file on its way (a man in the middle), a notification receiver the tests forward from (so a test
// decides when, how often and how altered a notification reaches the BFF), and paid orders made at the
// simulator and recorded in our tables as the payment ledger would have.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Received, Receiver } from '../../scripts/sim/wechatpay/test-helpers';
import { clientFor, dev, MERCHANT, startReceiver, startSim, tradeNo, type WechatPaySim } from './dues-pay-harness';
import { currentBackend } from './support/backends';
import { startTestApp, type TestApp } from './support/test-app';
import { createRegion, dataSourceOf } from './support/staff-fixtures';
import { createPartyOrg, PARTY_WORK, partyStaff } from './support/party-fixtures';
import { DuesBill } from '../src/modules/dues/bills/dues-bill.entity';
import { PayOrder } from '../src/modules/dues/payments/pay-order.entity';
import type { WechatPayClient } from '../src/modules/dues/pay/wechat-pay.client';
import { parseRefundNotification } from '../src/modules/dues/pay/notification';
import { PartyOrg } from '../src/modules/party';

export type Who = { id: string; auth: string };
export const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

/** Forwards every request to the simulator; `alterBill` rewrites the bill file's text when set. */
export interface SimProxy {
  url: string;
  alterBill: ((text: string) => string) | null;
  close(): Promise<void>;
}

async function startProxy(target: string): Promise<SimProxy> {
  const proxy: SimProxy = { url: '', alterBill: null, close: async () => undefined };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) {
          if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k)) headers[k] = v;
        }
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body });
        let text = await answer.text();
        if (req.url?.startsWith('/v3/billdownload/file') && proxy.alterBill) text = proxy.alterBill(text);
        const out: Record<string, string> = {};
        answer.headers.forEach((v, k) => {
          if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(k)) out[k] = v;
        });
        res.writeHead(answer.status, out);
        res.end(text);
      })().catch((err: Error) => {
        res.writeHead(502);
        res.end(err.message);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return proxy;
}

export interface DuesPayWorld {
  t: TestApp;
  sim: WechatPaySim;
  proxy: SimProxy;
  receiver: Receiver;
  /** Our own client against the simulator: makes and pays orders as a member would. */
  client: WechatPayClient;
  /** Town admin: party:manage + dues:finance. */
  finance: Who;
  /** Party secretary of branch A: dues:manage, no dues:finance. */
  secretary: Who;
  /** dues:finance without a town-wide party scope (assigned to branch B only). */
  branchFinance: Who;
  branchA: PartyOrg;
  branchB: PartyOrg;
  close(): Promise<void>;
}

export async function startDuesPayWorld(prefix: string): Promise<DuesPayWorld> {
  const sim = await startSim('publicKey');
  const proxy = await startProxy(sim.url);
  const receiver = await startReceiver();
  const dir = mkdtempSync(join(tmpdir(), 'zhili-wxpay-'));
  writeFileSync(join(dir, 'apiclient_key.pem'), MERCHANT.privateKeyPem, { mode: 0o600 });
  writeFileSync(join(dir, 'wechatpay_public_key.pem'), sim.platform().publicKeyPem);
  const t = await startTestApp(currentBackend(), {
    JOBS_ENABLED: 'false',
    WECHATPAY_MCHID: MERCHANT.mchid,
    WECHATPAY_APPID: MERCHANT.appid,
    WECHATPAY_SERIAL_NO: MERCHANT.serialNo,
    WECHATPAY_PRIVATE_KEY_PATH: join(dir, 'apiclient_key.pem'),
    WECHATPAY_APIV3_KEY: MERCHANT.apiV3Key,
    WECHATPAY_PUBLIC_KEY_ID: sim.platform().serial,
    WECHATPAY_PUBLIC_KEY_PATH: join(dir, 'wechatpay_public_key.pem'),
    WECHATPAY_BASE_URL: proxy.url,
    // Notifications go to the receiver; the tests forward them to the BFF.
    WECHATPAY_NOTIFY_URL: receiver.url,
  });
  const ds = await dataSourceOf(t);
  const town = await createRegion(t, '青山镇', 'town');
  const villageA = await createRegion(t, '幸福村', 'village', town);
  const villageB = await createRegion(t, '和谐村', 'village', town);
  const finance = await partyStaff(t, `${prefix}.town`, town, [
    'party:manage',
    ...PARTY_WORK,
    'dues:manage',
    'dues:finance',
  ]);
  const secretary = await partyStaff(t, `${prefix}.sec`, villageA, [...PARTY_WORK, 'dues:manage']);
  const branchFinance = await partyStaff(t, `${prefix}.bfin`, villageB, [...PARTY_WORK, 'dues:finance']);
  const committee = await createPartyOrg(t, finance, { parentId: null, type: 'committee', name: '青山镇党委' });
  const a = await createPartyOrg(t, finance, { parentId: committee.id, type: 'branch', name: '幸福村党支部' });
  const b = await createPartyOrg(t, finance, { parentId: committee.id, type: 'branch', name: '和谐村党支部' });
  for (const [org, who] of [
    [a, secretary],
    [b, branchFinance],
  ] as const) {
    const res = await t
      .http()
      .post(`/api/admin/party/orgs/${org.id}/staff`)
      .set('Authorization', finance.auth)
      .send({ staffUserId: who.id });
    expect(res.status).toBe(200);
  }
  return {
    t,
    sim,
    proxy,
    receiver,
    client: clientFor(sim, receiver.url),
    finance,
    secretary,
    branchFinance,
    branchA: await ds.getRepository(PartyOrg).findOneByOrFail({ id: a.id }),
    branchB: await ds.getRepository(PartyOrg).findOneByOrFail({ id: b.id }),
    async close() {
      await sim.settled();
      await t.close();
      await receiver.close();
      await proxy.close();
      await sim.close();
    },
  };
}

/**
 * An order of `billFen` bills paid at the simulator (its notification suppressed) and recorded as the
 * payment ledger records it: order `paid` with the transaction, bills `paid` via wechat with the order.
 */
export async function paidOrder(
  w: DuesPayWorld,
  org: PartyOrg,
  billFen: number[],
  opts: { record?: boolean } = {},
): Promise<{ order: PayOrder | null; bills: DuesBill[]; outTradeNo: string }> {
  const amountFen = billFen.reduce((a, b) => a + b, 0);
  const outTradeNo = tradeNo('DUES');
  const prepayId = await w.client.createJsapiOrder({
    outTradeNo,
    description: '党费',
    amountFen,
    openid: OPENID,
    expiresAt: new Date(Date.now() + 30 * 60_000),
  });
  const paid = await dev(w.sim, 'POST', '/__dev/pay', { prepay_id: prepayId, notify: false });
  expect(paid.status).toBe(200);
  if (opts.record === false) return { order: null, bills: [], outTradeNo };
  const tx = await w.client.queryByOutTradeNo(outTradeNo);
  const ds = await dataSourceOf(w.t);
  const memberId = randomUUID();
  const bills = billFen.map((fen, i) => {
    const month = `2026-${String(i + 1).padStart(2, '0')}`;
    return ds.getRepository(DuesBill).create({
      id: randomUUID(),
      memberId,
      orgId: org.id,
      orgPath: org.path,
      kind: 'monthly',
      month,
      period: month,
      amountFen: fen,
      declarationId: null,
      title: null,
      status: 'paid',
      dueOn: `${month}-28`,
      paidVia: 'wechat',
      paidAt: tx.success_time ?? null,
      paidOrderNo: outTradeNo,
      recordedBy: null,
      paidNote: null,
    });
  });
  for (const bill of bills) await ds.getRepository(DuesBill).insert(bill);
  const order = ds.getRepository(PayOrder).create({
    outTradeNo,
    memberId,
    orgPath: org.path,
    mpUserId: randomUUID(),
    billIds: JSON.stringify(bills.map((b) => b.id)),
    amountFen,
    description: '党费',
    status: 'paid',
    prepayId,
    transactionId: tx.transaction_id ?? null,
    paidAt: tx.success_time ?? null,
    expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    refundedFen: 0,
  });
  await ds.getRepository(PayOrder).insert(order);
  return { order, bills, outTradeNo };
}

/** Hands a notification the receiver got to the BFF's refund callback, byte for byte (headers optionally changed). */
export function forwardRefund(w: DuesPayWorld, n: Received, headerChanges: Record<string, string> = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  for (const [k, v] of Object.entries(n.headers)) {
    if (k.toLowerCase().startsWith('wechatpay-') && typeof v === 'string') headers[k] = headerChanges[k] ?? v;
  }
  return w.t.http().post('/api/callbacks/wechatpay/refund').set(headers).send(n.body);
}

const parsedRefundNo = new WeakMap<Received, string | null>();

/** The refund notification the simulator sent for `outRefundNo` (waits for it; each one parsed once). */
export async function refundNotificationFor(w: DuesPayWorld, outRefundNo: string): Promise<Received> {
  for (let i = 0; i < 200; i++) {
    for (const n of w.receiver.received) {
      if (!parsedRefundNo.has(n)) {
        const parsed = await parseRefundNotification(w.client, n.headers, n.body);
        parsedRefundNo.set(n, parsed.ok ? parsed.resource.out_refund_no : null);
      }
      if (parsedRefundNo.get(n) === outRefundNo) return n;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no refund notification for ${outRefundNo}`);
}
