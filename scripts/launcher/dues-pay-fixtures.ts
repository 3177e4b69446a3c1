// Party members with unpaid dues bills and WeChat Pay orders on a throwaway MariaDB stack, for the
// harnesses around payments (the two-worker e2e, `npm run bench -- pay-notify`). Members come from
// the BFF's own bench support (signed-in mini-program users made members of a branch); the bills are
// written straight into dues_bill, as the month's generation would; orders go through the real route.
import { randomUUID } from 'crypto';
import { join } from 'path';
import { DEMO_APPID, repoRoot } from './dev-env';

interface BenchStudySupport {
  prepareStudyBench(databaseUrl: string, openids: string[]): Promise<{ lessonId: string }>;
}

export interface DuesMember {
  identity: string;
  openid: string;
  memberId: string;
  orgId: string;
  orgPath: string;
  /** Access token carrying the party_member role. */
  token: string;
}

export interface CreatedOrder {
  outTradeNo: string;
  amountFen: number;
  billIds: string[];
}

const mysqlUri = (databaseUrl: string) => databaseUrl.replace(/^mariadb:/, 'mysql:');

async function post<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} → HTTP ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/**
 * Signs the simulator identity in as the app does. `i` picks a client address of its own (the BFF
 * allows 60 logins a minute per address; it trusts X-Forwarded-For when started with TRUST_PROXY=true).
 */
async function login(simUrl: string, bffUrl: string, identity: string, i: number) {
  const { code, openid } = await post<{ code: string; openid: string }>(`${simUrl}/__dev/login-code`, {
    appid: DEMO_APPID,
    identity,
  });
  const res = await post<{ data: { accessToken: string } }>(
    `${bffUrl}/api/mp/auth/login`,
    { code },
    { 'x-forwarded-for': `10.78.${i >> 8}.${i & 255}` },
  );
  return { openid, token: res.data.accessToken };
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}

/** Makes each identity a party member of the demo's first branch and signs it in with that role. */
export async function duesMembers(
  stack: { simUrl: string; bffUrl: string },
  databaseUrl: string,
  identities: string[],
  concurrency = 20,
): Promise<DuesMember[]> {
  const first = await pool(identities, concurrency, (id, i) => login(stack.simUrl, stack.bffUrl, id, i));
  const support = require(join(repoRoot, 'bff/dist/seed/bench-study-support')) as BenchStudySupport;
  await support.prepareStudyBench(
    databaseUrl,
    first.map((f) => f.openid),
  );
  // Signed in again: the access token carries the party_member role given above.
  const tokens = await pool(identities, concurrency, (id, i) => login(stack.simUrl, stack.bffUrl, id, i));
  const { createConnection } = await import('mysql2/promise');
  const db = await createConnection({ uri: mysqlUri(databaseUrl) });
  try {
    const [rows] = await db.query(
      `SELECT u.openid, m.id AS memberId, m.org_id AS orgId, m.org_path AS orgPath
         FROM mp_user u JOIN party_member_account a ON a.mp_user_id = u.id JOIN party_member m ON m.id = a.member_id
        WHERE u.openid IN (?)`,
      [first.map((f) => f.openid)],
    );
    const byOpenid = new Map(
      (rows as { openid: string; memberId: string; orgId: string; orgPath: string }[]).map((r) => [r.openid, r]),
    );
    return identities.map((identity, i) => {
      const row = byOpenid.get(first[i].openid);
      if (!row) throw new Error(`${identity} did not become a party member`);
      return { identity, token: tokens[i].token, ...row };
    });
  } finally {
    await db.end();
  }
}

/** One unpaid monthly bill per member for `month` (YYYY-MM), `amountFen` each; returns bill id per member. */
export async function insertMonthlyBills(
  databaseUrl: string,
  members: DuesMember[],
  month: string,
  amountFen: number,
): Promise<string[]> {
  const { createConnection } = await import('mysql2/promise');
  const db = await createConnection({ uri: mysqlUri(databaseUrl) });
  const [y, m] = month.split('-').map(Number);
  const dueOn = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const ids = members.map(() => randomUUID());
  try {
    for (let start = 0; start < members.length; start += 200) {
      const chunk = members.slice(start, start + 200);
      await db.query(
        `INSERT INTO dues_bill (id, member_id, org_id, org_path, kind, month, period, amount_fen, status, due_on)
         VALUES ?`,
        [
          chunk.map((mb, j) => [
            ids[start + j],
            mb.memberId,
            mb.orgId,
            mb.orgPath,
            'monthly',
            month,
            month,
            amountFen,
            'unpaid',
            dueOn,
          ]),
        ],
      );
    }
    return ids;
  } finally {
    await db.end();
  }
}

/** The member orders their bills through the real route (the BFF asks WeChat Pay for the prepay id). */
export async function createOrder(bffUrl: string, member: DuesMember, billIds: string[]): Promise<CreatedOrder> {
  const res = await post<{ data: { outTradeNo: string; amountFen: number } }>(
    `${bffUrl}/api/mp/dues/orders`,
    { billIds },
    { authorization: `Bearer ${member.token}` },
  );
  return { outTradeNo: res.data.outTradeNo, amountFen: res.data.amountFen, billIds };
}

/** The member pays on the simulator's sheet; `notify: false` = the harness delivers the notification itself. */
export async function payOnSimulator(paySimUrl: string, outTradeNo: string, notify: boolean): Promise<void> {
  await post(`${paySimUrl}/__dev/pay`, { out_trade_no: outTradeNo, notify });
}

export interface PaymentCheck {
  orders: number;
  ordersPaid: number;
  billsPaid: number;
  /** Bills marked paid by an order other than their own, or paid while their order is not. */
  billsPaidWrongly: number;
  /** Orders with more than one notification recorded as `applied`. */
  ordersAppliedTwice: number;
  /** Orders with no `applied` record at all. */
  ordersNeverApplied: number;
  notificationsRecorded: number;
  /** Recorded outcome → count. */
  outcomes: Record<string, number>;
}

/** The check at the end: every order paid once, every bill paid by its order exactly once, what was recorded. */
export async function checkPayments(databaseUrl: string, orders: CreatedOrder[]): Promise<PaymentCheck> {
  const { createConnection } = await import('mysql2/promise');
  const db = await createConnection({ uri: mysqlUri(databaseUrl) });
  const nos = orders.map((o) => o.outTradeNo);
  const billIds = orders.flatMap((o) => o.billIds);
  try {
    const [orderRows] = await db.query(`SELECT out_trade_no AS no, status FROM pay_order WHERE out_trade_no IN (?)`, [
      nos,
    ]);
    const [billRows] = await db.query(
      `SELECT id, status, paid_via AS via, paid_order_no AS no FROM dues_bill WHERE id IN (?)`,
      [billIds],
    );
    const [applied] = await db.query(
      `SELECT out_trade_no AS no, COUNT(*) AS n FROM pay_notification
        WHERE outcome = 'applied' AND out_trade_no IN (?) GROUP BY out_trade_no`,
      [nos],
    );
    const [outcomeRows] = await db.query(
      `SELECT outcome, COUNT(*) AS n FROM pay_notification WHERE out_trade_no IN (?) GROUP BY outcome`,
      [nos],
    );
    const orderOf = new Map(orders.flatMap((o) => o.billIds.map((b) => [b, o.outTradeNo] as const)));
    const paidOrders = new Set(
      (orderRows as { no: string; status: string }[]).filter((r) => r.status === 'paid').map((r) => r.no),
    );
    const bills = billRows as { id: string; status: string; via: string | null; no: string | null }[];
    const appliedCounts = new Map((applied as { no: string; n: number }[]).map((r) => [r.no, Number(r.n)]));
    const outcomes = Object.fromEntries(
      (outcomeRows as { outcome: string; n: number }[]).map((r) => [r.outcome, Number(r.n)]),
    );
    return {
      orders: orders.length,
      ordersPaid: paidOrders.size,
      billsPaid: bills.filter((b) => b.status === 'paid').length,
      billsPaidWrongly: bills.filter(
        (b) => b.status === 'paid' && (b.via !== 'wechat' || b.no !== orderOf.get(b.id) || !paidOrders.has(b.no ?? '')),
      ).length,
      ordersAppliedTwice: [...appliedCounts.values()].filter((n) => n > 1).length,
      ordersNeverApplied: nos.filter((no) => !appliedCounts.has(no)).length,
      notificationsRecorded: Object.values(outcomes).reduce((s, n) => s + n, 0),
      outcomes,
    };
  } finally {
    await db.end();
  }
}
