import type { ModuleManifest } from '../../core/modules/manifest';
import { DuesBills1764300800000 } from '../../core/db/migrations/1764300800000-DuesBills';
import { DuesBill } from './bills/dues-bill.entity';
import { DuesDeclaration } from './bills/dues-declaration.entity';
import { PayOrder } from './payments/pay-order.entity';
import { duesEnv } from './dues.config';

/**
 * Party dues (党费, #16): yearly dues bases, monthly, special and voluntary bills, WeChat Pay v3
 * orders with their notifications, refunds and the daily reconciliation, reports and spending.
 */
export const duesManifest = {
  name: 'dues',
  config: duesEnv,
  entities: [DuesDeclaration, DuesBill, PayOrder],
  migrations: [DuesBills1764300800000],
  permissions: ['dues:manage', 'dues:finance', 'party:manage'],
  subscribers: [],
} satisfies ModuleManifest;
