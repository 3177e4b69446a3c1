import type { Component } from 'vue';
import { Files, Flag, House, MapLocation, Money, Reading, Setting, Tickets } from '@element-plus/icons-vue';

/**
 * The side menu's groups. A feature puts a page into one with its route's `meta.menu.group`; the
 * group itself (title, icon, place among the top-level entries) is declared once here. Later
 * features (综合治理, 党建, 预警) add their group to this list.
 */
export const menuGroups = [
  { key: 'grid', title: '网格管理', icon: MapLocation, order: 20 },
  { key: 'cases', title: '接诉即办', icon: Tickets, order: 30 },
  { key: 'registry', title: '人口房屋', icon: House, order: 40 },
  { key: 'party', title: '党建', icon: Flag, order: 50 },
  // The party's records and archive: a second group, so 党建 stays a short list of daily work.
  { key: 'party-archive', title: '党建档案', icon: Files, order: 51 },
  // The online party school (网上党校): courses, exams, surveys and appraisals.
  { key: 'school', title: '网上党校', icon: Reading, order: 52 },
  // Party dues (党费): bills, bases, arrears, reports, spending, WeChat Pay and reconciliation.
  { key: 'dues', title: '党费管理', icon: Money, order: 53 },
  { key: 'system', title: '系统管理', icon: Setting, order: 90 },
] as const satisfies readonly MenuGroupDef[];

export interface MenuGroupDef {
  key: string;
  title: string;
  icon: Component;
  /** Place among the top-level entries (groups and group-less pages), ascending. */
  order: number;
}

export type MenuGroupKey = (typeof menuGroups)[number]['key'];
