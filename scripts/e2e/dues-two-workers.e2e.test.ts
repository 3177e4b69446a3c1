import { randomBytes } from 'crypto';
import { startBalancer, type Balancer, type BalancerTarget } from '../launcher/balancer';
import { DEMO_APPID, DevSecrets, freshPiiKeys } from '../launcher/dev-env';
import {
  checkPayments,
  createOrder,
  duesMembers,
  insertMonthlyBills,
  payOnSimulator,
  type DuesMember,
} from '../launcher/dues-pay-fixtures';
import { Stack, startStack } from '../launcher/stack';
import { PAYMENT_NOTIFY_PATH, startPaySimForStack, type StackPaySim } from '../launcher/wechatpay';
import { deliverNotification } from '../launcher/wechatpay-notify';

/**
 * Party dues paid with WeChat Pay on two BFF workers behind one load balancer, one MariaDB and one
 * Redis (issue #16: "duplicate and concurrent notifications mark the bill paid once … with two BFF
 * workers"; "the BFF killed between verification and commit → the retry completes it"). Both workers
 * are one merchant of one WeChat Pay simulator; its notifications reach them through the balancer,
 * whose retries (× 0.01: 15 s → 150 ms) follow WeChat Pay's schedule. Needs TEST_DATABASE_URL and
 * TEST_REDIS_URL; skipped without them unless CI=true.
 */
const DATABASE_URL = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL;
const configured = Boolean(DATABASE_URL && REDIS_URL);
if (!configured && process.env.CI === 'true')
  throw new Error('CI=true but TEST_DATABASE_URL / TEST_REDIS_URL are not set');
const describeServices = configured ? describe : describe.skip;

const MONTH = '2026-11';
const AMOUNT_FEN = 1250;

describeServices('dues payments on two BFF workers (MariaDB + Redis)', () => {
  const dbName = `zhili_e2e_pay_${process.pid}`;
  const keyPrefix = `zhili-e2e-pay-${process.pid}:`;
  const adminUri = (DATABASE_URL ?? '').replace(/^mariadb:/, 'mysql:');
  const targets: BalancerTarget[] = [];
  let paySim: StackPaySim;
  let balancer: Balancer;
  let nodeA: Stack;
  let nodeB: Stack;
  let databaseUrl: string;
  let members: DuesMember[];
  let bills: string[];

  beforeAll(async () => {
    const { createConnection } = await import('mysql2/promise');
    const admin = await createConnection({ uri: adminUri });
    await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    const url = new URL(DATABASE_URL as string);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    const secrets: DevSecrets = {
      JWT_SECRET: randomBytes(48).toString('base64url'),
      WECHAT_APPID: DEMO_APPID,
      WECHAT_SECRET: randomBytes(16).toString('hex'),
      ...freshPiiKeys(),
    };
    // One merchant for both workers; notifications go to the balancer, as to a deployment's public URL.
    paySim = await startPaySimForStack({ host: '127.0.0.1', port: 0, appid: DEMO_APPID, retryScale: 0.01 });
    balancer = await startBalancer(targets);
    const common = {
      secrets,
      port: 0,
      simPort: 0,
      databaseUrl,
      redisUrl: REDIS_URL,
      onLine: () => undefined,
      wechatPay: { sim: paySim },
      extraEnv: {
        REDIS_KEY_PREFIX: keyPrefix,
        TRUST_PROXY: 'true',
        WECHATPAY_NOTIFY_URL: `${balancer.url}${PAYMENT_NOTIFY_PATH}`,
      },
    };
    // One after the other: the first migrates and seeds, the second finds both done.
    nodeA = await startStack(common);
    nodeB = await startStack(common);
    targets.push({ name: 'A', origin: nodeA.bffUrl }, { name: 'B', origin: nodeB.bffUrl });
    members = await duesMembers(nodeA, databaseUrl, ['pay-two-workers-1', 'pay-two-workers-2']);
    bills = await insertMonthlyBills(databaseUrl, members, MONTH, AMOUNT_FEN);
  }, 180_000);

  afterAll(async () => {
    await nodeB?.stop();
    await nodeA?.stop();
    await balancer?.close();
    await paySim?.close();
    const { createConnection } = await import('mysql2/promise');
    const admin = await createConnection({ uri: adminUri });
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.end();
  });

  it('applies a payment once when WeChat Pay sends it, duplicates of it and replays of its body to both workers at the same moment', async () => {
    const order = await createOrder(nodeA.bffUrl, members[0], [bills[0]]);
    expect(order.amountFen).toBe(AMOUNT_FEN);

    // The member pays: the genuine notification leaves for the balancer …
    await payOnSimulator(paySim.url, order.outTradeNo, true);
    const genuine = paySim.sim.notifications().find((n) => n.outTradeNo === order.outTradeNo && !n.probe);
    expect(genuine).toBeDefined();
    // … and, while it is on its way, four copies of it (same id) through the balancer and six replays
    // of its body, freshly signed, straight at A and B.
    const direct = [nodeA, nodeB, nodeA, nodeB, nodeA, nodeB];
    const [probe, ...replays] = await Promise.all([
      fetch(`${paySim.url}/__dev/probe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'duplicate', out_trade_no: order.outTradeNo, copies: 4 }),
      }),
      ...direct.map((node) => deliverNotification(paySim, `${node.bffUrl}${PAYMENT_NOTIFY_PATH}`, genuine?.body ?? '')),
    ]);
    expect(probe.status).toBe(200);
    await paySim.sim.settled();

    // WeChat Pay is told "received" for every one (a duplicate is not an error) …
    expect(replays.map((r) => r.status)).toEqual([204, 204, 204, 204, 204, 204]);
    const sent = paySim.sim.notifications().filter((n) => n.outTradeNo === order.outTradeNo);
    expect(sent).toHaveLength(5);
    expect(sent.map((n) => n.outcome)).toEqual(Array(5).fill('delivered'));
    const viaBalancer = balancer.forwarded.filter((f) => f.path === PAYMENT_NOTIFY_PATH);
    expect(new Set(viaBalancer.map((f) => f.target))).toEqual(new Set(['A', 'B']));

    // … the order and its bill are paid once, and every delivery that reached a worker is on record.
    const attempts = sent.reduce((sum, n) => sum + n.attempts.length, 0);
    const check = await checkPayments(databaseUrl, [order]);
    expect(check).toMatchObject({
      ordersPaid: 1,
      billsPaid: 1,
      billsPaidWrongly: 0,
      ordersAppliedTwice: 0,
      ordersNeverApplied: 0,
      notificationsRecorded: attempts + replays.length,
    });
    expect(check.outcomes.applied).toBe(1);
    // A delivery that lost the race for the order's lock may ask for a retry ('failed'); nothing else.
    expect(Object.keys(check.outcomes).filter((o) => !['applied', 'duplicate', 'failed'].includes(o))).toEqual([]);
  });

  it('completes a payment whose notification was in flight to a worker killed with SIGKILL: the retry reaches the other worker', async () => {
    const order = await createOrder(nodeA.bffUrl, members[1], [bills[1]]);
    // The notification goes to A; the moment its bytes are written to A, A is killed.
    let killedAt: string | undefined;
    balancer.prefer = 'A';
    balancer.onForwarded = (target, path) => {
      if (target.name !== 'A' || path !== PAYMENT_NOTIFY_PATH || killedAt) return;
      killedAt = new Date().toISOString();
      nodeA.bff.child.kill('SIGKILL');
    };
    const exited = nodeA.bff.exited;
    const mark = balancer.forwarded.length;
    await payOnSimulator(paySim.url, order.outTradeNo, true);
    await exited;
    expect(nodeA.bff.child.signalCode).toBe('SIGKILL');
    await paySim.sim.settled();

    const [sent] = paySim.sim.notifications().filter((n) => n.outTradeNo === order.outTradeNo);
    // First attempt: A died under it (the balancer's 502), the retry 150 ms later went to B and was taken.
    expect(sent.outcome).toBe('delivered');
    expect(sent.attempts.length).toBeGreaterThanOrEqual(2);
    expect(sent.attempts[0].status).toBe(502);
    expect(sent.attempts[sent.attempts.length - 1].status).toBe(204);
    // Through the balancer: A died under the first delivery and B took every retry until one was taken
    // (on a loaded machine B may be asked more than once: an answer after the simulator's timeout, or a
    // wait for the lock A held when it died).
    const forwarded = balancer.forwarded.slice(mark).filter((f) => f.path === PAYMENT_NOTIFY_PATH);
    expect(forwarded.length).toBeGreaterThanOrEqual(2);
    expect([forwarded[0].target, forwarded[0].status]).toEqual(['A', 502]);
    expect(forwarded.slice(1).every((f) => f.target === 'B')).toBe(true);
    expect(forwarded[forwarded.length - 1].status).toBe(204);

    // Whether A had committed or not when it died, the order and its bill are paid exactly once.
    const check = await checkPayments(databaseUrl, [order]);
    expect(check).toMatchObject({ ordersPaid: 1, billsPaid: 1, billsPaidWrongly: 0, ordersAppliedTwice: 0 });
    // B recorded what it did: applied it, or found it already applied by A before A died.
    expect((check.outcomes.applied ?? 0) + (check.outcomes.duplicate ?? 0)).toBeGreaterThanOrEqual(1);

    // The member asking B afterwards sees it paid.
    const res = await fetch(`${nodeB.bffUrl}/api/mp/dues/orders/${order.outTradeNo}`, {
      headers: { authorization: `Bearer ${members[1].token}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { status: string } }).data.status).toBe('paid');
  });
});
