// All mutable simulator state, in memory: merchants, platform keys, orders, refunds, logs.
import { certInfo, newPlatformKey } from './keys';
import type {
  KeyMode,
  NotificationRecord,
  PlatformKey,
  RequestLogEntry,
  SimMerchant,
  SimOrder,
  SimRefund,
} from './types';

export interface ResolvedMerchant {
  mchid: string;
  appids: string[];
  apiSerialNo: string;
  apiPublicKeyPem: string;
  apiV3Key: string;
}

export function resolveMerchant(merchant: SimMerchant): ResolvedMerchant {
  if (!/^\d{8,10}$/.test(merchant.mchid))
    throw new Error(`wechatpay-sim: mchid "${merchant.mchid}" is not 8-10 digits`);
  if (Buffer.byteLength(merchant.apiV3Key, 'utf8') !== 32) {
    throw new Error(`wechatpay-sim: the APIv3 key of ${merchant.mchid} must be 32 bytes`);
  }
  if (merchant.appids.length === 0) throw new Error(`wechatpay-sim: merchant ${merchant.mchid} has no appid`);
  let serial = merchant.apiSerialNo;
  let publicKeyPem = merchant.apiPublicKeyPem;
  if (merchant.apiCertPem) ({ serial, publicKeyPem } = certInfo(merchant.apiCertPem));
  if (!serial || !publicKeyPem) {
    throw new Error(`wechatpay-sim: merchant ${merchant.mchid} needs apiCertPem or apiSerialNo + apiPublicKeyPem`);
  }
  return {
    mchid: merchant.mchid,
    appids: [...merchant.appids],
    apiSerialNo: serial.toUpperCase(),
    apiPublicKeyPem: publicKeyPem,
    apiV3Key: merchant.apiV3Key,
  };
}

export class PayState {
  readonly merchants = new Map<string, ResolvedMerchant>();
  /** Newest last; the newest signs. */
  readonly platformKeys: PlatformKey[] = [];
  /** key `${mchid}/${outTradeNo}` */
  readonly orders = new Map<string, SimOrder>();
  readonly ordersByPrepay = new Map<string, SimOrder>();
  /** key `${mchid}/${outRefundNo}` */
  readonly refunds = new Map<string, SimRefund>();
  readonly notifications: NotificationRecord[] = [];
  readonly requests: RequestLogEntry[] = [];

  constructor(
    merchants: SimMerchant[],
    readonly mode: KeyMode,
    readonly now: () => number,
    initialKey?: PlatformKey,
  ) {
    for (const merchant of merchants) {
      const resolved = resolveMerchant(merchant);
      if (this.merchants.has(resolved.mchid)) throw new Error(`wechatpay-sim: duplicate mchid ${resolved.mchid}`);
      this.merchants.set(resolved.mchid, resolved);
    }
    if (this.merchants.size === 0) throw new Error('wechatpay-sim: at least one merchant is required');
    if (initialKey) this.platformKeys.push(initialKey);
    else this.rotate();
  }

  signingKey(): PlatformKey {
    return this.platformKeys[this.platformKeys.length - 1];
  }

  rotate(): PlatformKey {
    const key = newPlatformKey(this.mode, this.now());
    this.platformKeys.push(key);
    return key;
  }

  order(mchid: string, outTradeNo: string): SimOrder | undefined {
    return this.orders.get(`${mchid}/${outTradeNo}`);
  }

  orderByTransaction(mchid: string, transactionId: string): SimOrder | undefined {
    for (const order of this.orders.values()) {
      if (order.mchid === mchid && order.transactionId === transactionId) return order;
    }
    return undefined;
  }

  addOrder(order: SimOrder): void {
    this.orders.set(`${order.mchid}/${order.outTradeNo}`, order);
    this.ordersByPrepay.set(order.prepayId, order);
  }

  refund(mchid: string, outRefundNo: string): SimRefund | undefined {
    return this.refunds.get(`${mchid}/${outRefundNo}`);
  }

  addRefund(refund: SimRefund): void {
    this.refunds.set(`${refund.mchid}/${refund.outRefundNo}`, refund);
  }
}
