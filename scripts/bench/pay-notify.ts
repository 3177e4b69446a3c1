// pay-notify (issue #16): WeChat Pay payment notifications verified and applied on MariaDB + Redis.
// BENCH_PAY_ORDERS members (500) each order one unpaid monthly bill through the real route (the BFF
// asks the WeChat Pay simulator for the prepay id) and pay it on the simulator; then each order's
// TRANSACTION.SUCCESS is delivered BENCH_PAY_COPIES times (3: the original and two duplicates with the
// same id, each freshly signed as WeChat Pay's retries are), all deliveries shuffled and sent
// BENCH_PAY_CONCURRENCY at a time (50), so copies of one order often race each other. Every delivery
// takes the whole path: signature over the raw body, timestamp window, AES-GCM decryption, mchid /
// appid / amount checks, the order's lock, the one conditional "mark paid", the notification record.
// A delivery WeChat Pay would retry (non-2xx) is retried here too, after 200 ms, and counted.
// At the end a check query: zero bills paid twice or by another order, zero orders applied twice,
// every order applied, every delivery recorded. Writes var/bench/pay-notify.json.
import { randomBytes } from 'crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { DEMO_APPID, DevSecrets, freshPiiKeys } from '../launcher/dev-env';
import {
  checkPayments,
  createOrder,
  duesMembers,
  insertMonthlyBills,
  payOnSimulator,
  pool,
  type CreatedOrder,
} from '../launcher/dues-pay-fixtures';
import { startStack } from '../launcher/stack';
import { PAYMENT_NOTIFY_PATH } from '../launcher/wechatpay';
import { deliverNotification, paymentNotificationBody } from '../launcher/wechatpay-notify';
import { defer } from './lib/cleanup';
import { provisionBackend } from './lib/fresh-backend';
import { readKnobs } from './lib/knobs';
import { benchDir, hostEnv } from './lib/report';
import { percentile } from './lib/sampler';
import type { Benchmark, BenchOutcome, LoadResult } from './lib/types';

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};
const ORDERS = positive('BENCH_PAY_ORDERS', 500);
const COPIES = positive('BENCH_PAY_COPIES', 3);
const CONCURRENCY = positive('BENCH_PAY_CONCURRENCY', 50);
const SETUP_CONCURRENCY = 20;
const MAX_ATTEMPTS = 4;
const AMOUNT_FEN = 1250;

interface Delivery {
  order: number;
  copy: number;
  body: string;
}

interface Attempt {
  ms: number;
  status: number;
  /** Not the first attempt of this delivery: WeChat Pay's retry after a non-2xx. */
  retry: boolean;
}

/** Fisher–Yates, so duplicates of one order land anywhere in the stream. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function attemptsLoad(label: string, attempts: Attempt[], seconds: number): LoadResult {
  const sorted = attempts.map((a) => a.ms).sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const a of attempts) statusCodes[String(a.status)] = (statusCodes[String(a.status)] ?? 0) + 1;
  return {
    label,
    rps: attempts.length / seconds,
    p50Ms: Math.round(percentile(sorted, 50) * 10) / 10,
    p99Ms: Math.round(percentile(sorted, 99) * 10) / 10,
    requests: attempts.length,
    errors: attempts.filter((a) => a.status === 0).length,
    timeouts: 0,
    non2xx: attempts.filter((a) => a.status !== 0 && (a.status < 200 || a.status > 299)).length,
    statusCodes,
  };
}

async function run(): Promise<BenchOutcome> {
  const knobs = readKnobs();
  const backend = await provisionBackend('mariadb', 'paynotify');
  if (!backend) throw new Error('the pay-notify benchmark needs MariaDB + Redis (BENCH_MYSQL_URL / BENCH_REDIS_URL)');
  const secrets: DevSecrets = {
    JWT_SECRET: randomBytes(48).toString('base64url'),
    WECHAT_APPID: DEMO_APPID,
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    ...freshPiiKeys(),
  };
  const bffLog = join(benchDir, 'pay-notify-bff.log');
  mkdirSync(benchDir, { recursive: true });
  writeFileSync(bffLog, '');
  console.error(`starting simulators + BFF on MariaDB + Redis (BFF output → ${bffLog}) …`);
  const stack = await startStack({
    secrets,
    port: 0,
    simPort: 0,
    databaseUrl: backend.databaseUrl,
    redisUrl: backend.redisUrl,
    onLine: (line) => appendFileSync(bffLog, `${line}\n`),
    extraEnv: {
      LOG_LEVEL: 'warn',
      ACCESS_TOKEN_TTL_SEC: '3600',
      TRUST_PROXY: 'true',
      ...(backend.redisKeyPrefix ? { REDIS_KEY_PREFIX: backend.redisKeyPrefix } : {}),
    },
  });
  defer('stop stack', () => stack.stop());

  console.error(`making ${ORDERS} party members with one unpaid bill each, ordering and paying on the simulator …`);
  const identities = Array.from({ length: ORDERS }, (_, i) => `bench-pay-${i}`);
  const members = await duesMembers(stack, backend.databaseUrl, identities, SETUP_CONCURRENCY);
  const month = new Date().toISOString().slice(0, 7);
  const bills = await insertMonthlyBills(backend.databaseUrl, members, month, AMOUNT_FEN);
  const orders: CreatedOrder[] = await pool(members, SETUP_CONCURRENCY, (member, i) =>
    createOrder(stack.bffUrl, member, [bills[i]]),
  );
  // Paid with no notification from the simulator: this harness delivers them, and times each one.
  await pool(orders, SETUP_CONCURRENCY, (o) => payOnSimulator(stack.paySimUrl, o.outTradeNo, false));
  const bodies = orders.map((o) => paymentNotificationBody(stack.paySim, o.outTradeNo));
  const deliveries: Delivery[] = shuffle(
    orders.flatMap((_, order) => Array.from({ length: COPIES }, (__, copy) => ({ order, copy, body: bodies[order] }))),
  );

  const url = `${stack.bffUrl}${PAYMENT_NOTIFY_PATH}`;
  console.error(
    `  delivering ${deliveries.length} notifications (${ORDERS} orders × ${COPIES}, shuffled), ${CONCURRENCY} at a time …`,
  );
  const attempts: Attempt[] = [];
  let undelivered = 0;
  const started = performance.now();
  await pool(deliveries, CONCURRENCY, async (d) => {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const answer = await deliverNotification(stack.paySim, url, d.body);
      attempts.push({ ms: answer.ms, status: answer.status, retry: attempt > 1 });
      if (answer.status >= 200 && answer.status < 300) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    undelivered += 1;
  });
  const seconds = (performance.now() - started) / 1000;

  const check = await checkPayments(backend.databaseUrl, orders);
  const notify = attemptsLoad('notify', attempts, seconds);
  const sorted = attempts.map((a) => a.ms).sort((a, b) => a - b);
  const p95 = Math.round(percentile(sorted, 95) * 10) / 10;
  const retries = attempts.filter((a) => a.retry).length;
  const appliedPerSec = Math.round((check.ordersPaid / seconds) * 10) / 10;
  console.log(
    `pay-notify: ${attempts.length} notifications in ${seconds.toFixed(1)} s = ${Math.round(notify.rps)}/s verified ` +
      `(${appliedPerSec} payments/s applied), p50 ${notify.p50Ms} ms, p95 ${p95} ms, p99 ${notify.p99Ms} ms, ` +
      `retries ${retries}, undelivered ${undelivered}`,
  );
  console.log(
    `check: ${check.ordersPaid}/${ORDERS} orders paid, ${check.billsPaid} bills paid, ` +
      `paid twice or by another order ${check.billsPaidWrongly}, orders applied twice ${check.ordersAppliedTwice}, ` +
      `orders never applied ${check.ordersNeverApplied}, notifications recorded ${check.notificationsRecorded}/${attempts.length} ` +
      `${JSON.stringify(check.outcomes)}`,
  );
  const wrong = [
    check.billsPaidWrongly > 0 && `${check.billsPaidWrongly} bills paid twice or by another order`,
    check.ordersAppliedTwice > 0 && `${check.ordersAppliedTwice} orders applied more than once`,
    check.ordersNeverApplied > 0 && `${check.ordersNeverApplied} orders never applied`,
    check.ordersPaid !== ORDERS && `${check.ordersPaid} of ${ORDERS} orders paid`,
    check.billsPaid !== ORDERS && `${check.billsPaid} of ${ORDERS} bills paid`,
    check.notificationsRecorded !== attempts.length &&
      `${check.notificationsRecorded} notifications recorded for ${attempts.length} delivered`,
  ].filter(Boolean);
  if (wrong.length > 0) throw new Error(`the money check failed: ${wrong.join('; ')}`);
  return {
    env: {
      ...hostEnv(knobs),
      db: 'mariadb',
      cache: 'redis',
      orders: ORDERS,
      copies: COPIES,
      concurrency: CONCURRENCY,
      key_mode: stack.paySim.sim.mode,
    },
    metrics: {
      notify_rps: Math.round(notify.rps * 10) / 10,
      notify_p50_ms: notify.p50Ms,
      notify_p95_ms: p95,
      notify_p99_ms: notify.p99Ms,
      notify_requests: attempts.length,
      notify_retries: retries,
      notify_undelivered: undelivered,
      applied_per_sec: appliedPerSec,
      wall_sec: Math.round(seconds * 10) / 10,
      check_orders_paid: check.ordersPaid,
      check_bills_paid: check.billsPaid,
      check_bills_paid_wrongly: check.billsPaidWrongly,
      check_orders_applied_twice: check.ordersAppliedTwice,
      check_orders_never_applied: check.ordersNeverApplied,
      check_notifications_recorded: check.notificationsRecorded,
    },
    loads: [notify],
  };
}

export const benchmark: Benchmark = {
  name: 'pay-notify',
  description: `${ORDERS} WeChat Pay orders, each notified ${COPIES}× (duplicates mixed, ${CONCURRENCY} concurrent), MariaDB + Redis`,
  run,
};
