// Sample work orders for `npm start` and the CLI: realistic 12345 calls in the demo town (whose
// centre is 120.0E 30.3N in GCJ-02), sent in WGS84 as the platform does.
import { gcj02ToWgs84 } from '@zhili/shared';
import type { NewHotlineOrder } from './types';

const wgs84Near = (dLng: number, dLat: number) => {
  const [lng, lat] = gcj02ToWgs84([120.0 + dLng, 30.3 + dLat]);
  return { lng: Math.round(lng * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6, coordType: 'wgs84' as const };
};

export const DEMO_HOTLINE_ORDERS: readonly NewHotlineOrder[] = [
  {
    title: '路灯不亮',
    content: '市民来电反映：村口主路两盏路灯连续一周不亮，夜间老人孩子出行不便，希望尽快维修。',
    categoryCode: '0102',
    categoryName: '路灯照明',
    urgency: 1,
    callerName: '陈先生',
    callerPhone: '13900001111',
    address: '村口主路东侧',
    location: wgs84Near(0.004, 0.003),
  },
  {
    title: '污水外溢',
    content: '市民来电反映：菜市场旁窨井堵塞，污水漫到路面，气味很大，影响周边商户经营。',
    categoryCode: '0202',
    categoryName: '污水排放',
    urgency: 2,
    callerName: '刘女士',
    callerPhone: '13700002222',
    address: '菜市场北门',
    location: wgs84Near(-0.006, -0.004),
  },
];
