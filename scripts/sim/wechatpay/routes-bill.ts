// GET /v3/bill/tradebill → { hash_type, hash_value, download_url }; GET /v3/billdownload/file?token= → the file.
import { createHash, randomBytes } from 'node:crypto';
import { buildTradeBill, type BillType } from './bill';
import type { PayHandler } from './context';
import { payError } from './errors';
import { beijingDate } from './ids';

/** A download URL works for 30 seconds at WeChat Pay; the simulator keeps it 10 minutes (slow CI). */
const DOWNLOAD_TTL_MS = 10 * 60 * 1000;
const downloads = new WeakMap<object, Map<string, { mchid: string; text: string; expiresAt: number }>>();

function store(key: object): Map<string, { mchid: string; text: string; expiresAt: number }> {
  let map = downloads.get(key);
  if (!map) downloads.set(key, (map = new Map()));
  return map;
}

export const tradeBill: PayHandler = (ctx, req, merchant) => {
  const billDate = req.query.get('bill_date');
  if (!billDate || !/^\d{4}-\d{2}-\d{2}$/.test(billDate) || Number.isNaN(Date.parse(billDate))) {
    return payError('PARAM_ERROR', '输入源“/query/bill_date”格式应为YYYY-MM-DD');
  }
  const type = (req.query.get('bill_type') ?? 'ALL') as BillType;
  if (!['ALL', 'SUCCESS', 'REFUND'].includes(type)) {
    return payError('PARAM_ERROR', '输入源“/query/bill_type”只能是ALL、SUCCESS或REFUND');
  }
  if (req.query.get('tar_type')) return payError('PARAM_ERROR', '模拟器只提供不压缩的账单（不要传tar_type）');
  // Unlike WeChat Pay (bills from 10:00 the next day) the simulator also serves today's trades so far.
  if (billDate > beijingDate(ctx.state.now())) return payError('INVALID_REQUEST', '账单日期不能晚于今天');
  const bill = buildTradeBill(ctx.state, merchant.mchid, billDate, type);
  if (!bill) return payError('NO_STATEMENT_EXIST', '当日无账单');
  const token = randomBytes(16).toString('hex');
  store(ctx.state).set(token, { mchid: merchant.mchid, text: bill.text, expiresAt: ctx.state.now() + DOWNLOAD_TTL_MS });
  return {
    status: 200,
    body: {
      hash_type: 'SHA1',
      hash_value: createHash('sha1').update(bill.text, 'utf8').digest('hex'),
      download_url: `${ctx.downloadBase}/v3/billdownload/file?token=${token}`,
    },
  };
};

export const downloadBill: PayHandler = (ctx, req, merchant) => {
  const token = req.query.get('token') ?? '';
  const file = store(ctx.state).get(token);
  if (!file || file.mchid !== merchant.mchid || file.expiresAt <= ctx.state.now()) {
    return payError('RESOURCE_NOT_EXISTS', '下载链接不存在或已过期');
  }
  // The file is not signed by WeChat Pay: its SHA1 from the tradebill answer is what proves it.
  return { status: 200, raw: { text: file.text, contentType: 'text/plain; charset=utf-8' }, unsigned: true };
};
