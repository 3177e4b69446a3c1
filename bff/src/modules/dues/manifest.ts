import type { ModuleManifest } from '../../core/modules/manifest';
import { DuesBills1764300800000 } from '../../core/db/migrations/1764300800000-DuesBills';
import { DuesBill } from './bills/dues-bill.entity';
import { DuesDeclaration } from './bills/dues-declaration.entity';
import { PayOrder } from './payments/pay-order.entity';
import { duesEnv } from './dues.config';
import { DuesReminders1764300845000 } from '../../core/db/migrations/1764300845000-DuesReminders';
import { DuesReminder } from './bills/dues-reminder.entity';
import { DuesReminderPush } from './bills/dues-reminder-push';
import { DuesBillJobs } from './bills/bill-jobs';
import { DuesRefunds1764300820000 } from '../../core/db/migrations/1764300820000-DuesRefunds';
import { DuesRefund } from './refunds/dues-refund.entity';
import { RefundJobs } from './refunds/refund-jobs';
import { DuesReconciliation } from './reconciliation/dues-reconciliation.entity';
import { DuesReconciliationDiff } from './reconciliation/dues-reconciliation-diff.entity';
import { ReconciliationJobs } from './reconciliation/reconciliation-jobs';
import { PayNotifications1764300810000 } from '../../core/db/migrations/1764300810000-PayNotifications';
import { PayNotification } from './payments/pay-notification.entity';
import { PayJobs } from './payments/pay-jobs';
import { DuesSpending1764300830000 } from '../../core/db/migrations/1764300830000-DuesSpending';
import { DuesSpending } from './spending/dues-spending.entity';

/**
 * Party dues (党费, #16): yearly dues bases, monthly, special and voluntary bills, WeChat Pay v3
 * orders with their notifications, refunds and the daily reconciliation, reports and spending.
 */
export const duesManifest = {
  name: 'dues',
  config: duesEnv,
  entities: [
    DuesDeclaration,
    DuesBill,
    DuesReminder,
    PayOrder,
    DuesSpending,
    PayNotification,
    DuesRefund,
    DuesReconciliation,
    DuesReconciliationDiff,
  ],
  migrations: [
    DuesBills1764300800000,
    PayNotifications1764300810000,
    DuesRefunds1764300820000,
    DuesSpending1764300830000,
    DuesReminders1764300845000,
  ],
  permissions: ['dues:manage', 'dues:finance', 'party:manage'],
  subscribers: [DuesReminderPush],
  jobs: [DuesBillJobs, PayJobs, RefundJobs, ReconciliationJobs],
} satisfies ModuleManifest;
