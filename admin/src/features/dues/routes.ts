import type { RouteRecordRaw } from 'vue-router';

/**
 * 党费管理 (issue #16): bills, yearly bases, arrears, reports, spending, and the WeChat Pay orders with
 * refunds and reconciliation. Party scope is the BFF's: each page shows the caller's organisations.
 */
export const routes: RouteRecordRaw[] = [
  {
    path: 'dues/bills',
    name: 'dues-bills',
    component: () => import('./BillsPage.vue'),
    meta: { title: '党费账单', permission: 'dues:manage', menu: { group: 'dues', order: 10 } },
  },
  {
    path: 'dues/declarations',
    name: 'dues-declarations',
    component: () => import('./DeclarationsPage.vue'),
    meta: { title: '党费基数', permission: 'dues:manage', menu: { group: 'dues', order: 11 } },
  },
  {
    path: 'dues/arrears',
    name: 'dues-arrears',
    component: () => import('./ArrearsPage.vue'),
    meta: { title: '欠缴名单', permission: 'dues:manage', menu: { group: 'dues', order: 12 } },
  },
  {
    path: 'dues/reports',
    name: 'dues-reports',
    component: () => import('./ReportsPage.vue'),
    meta: { title: '党费报表', permission: 'dues:manage', menu: { group: 'dues', order: 13 } },
  },
  {
    path: 'dues/spending',
    name: 'dues-spending',
    component: () => import('./SpendingPage.vue'),
    meta: { title: '党费支出', permission: 'dues:manage', menu: { group: 'dues', order: 14 } },
  },
  {
    path: 'dues/payments',
    name: 'dues-payments',
    component: () => import('./PaymentsPage.vue'),
    meta: { title: '支付与对账', permission: 'dues:manage', menu: { group: 'dues', order: 15 } },
  },
];
