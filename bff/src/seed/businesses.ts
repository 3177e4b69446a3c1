import type { BusinessStatus, BusinessType } from '@zhili/shared';
import type { GenContext } from './context';
import { randomPointIn } from './geometry';
import { randomCreditCode, randomMobile } from './identity';
import { randomName } from './names';
import type { GridInfo } from './regions';

/** 经营单位: about one per 60 households, village trades in villages, shops and services in communities. */

const TYPE_WEIGHTS: Record<'village' | 'community', readonly (readonly [BusinessType, number])[]> = {
  village: [
    ['farming', 30],
    ['manufacturing', 25],
    ['retail', 20],
    ['catering', 12],
    ['lodging', 8],
    ['other', 5],
  ],
  community: [
    ['retail', 35],
    ['catering', 25],
    ['service', 25],
    ['lodging', 5],
    ['manufacturing', 5],
    ['other', 5],
  ],
};

const PREFIXES = [
  '鑫源',
  '宏达',
  '恒盛',
  '永兴',
  '华丰',
  '金诚',
  '兴旺',
  '利民',
  '福满',
  '顺发',
  '佳美',
  '众鑫',
  '天成',
  '和顺',
  '瑞丰',
  '新隆',
  '万家',
  '良渚',
];

const SUFFIXES: Record<BusinessType, string[]> = {
  catering: ['面馆', '饭店', '小吃店', '农家菜馆'],
  retail: ['超市', '便利店', '五金店', '副食品店', '水果店'],
  manufacturing: ['机械厂', '竹木制品厂', '纺织厂', '五金加工厂'],
  service: ['理发店', '洗衣店', '家电维修部', '家政服务部'],
  farming: ['家庭农场', '茶叶专业合作社', '水产养殖场', '苗木专业合作社'],
  lodging: ['民宿', '宾馆'],
  other: ['商行', '信息咨询服务部'],
};

/** Enterprises (91…) for factories and cooperatives, individual businesses (92…) for the rest. */
const ENTERPRISE_TYPES: BusinessType[] = ['manufacturing', 'farming'];

export function businessesFor(ctx: GenContext, grid: GridInfo, households: number): void {
  const { rng, model, today } = ctx;
  const expected = households / 60;
  const count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
  const kind = grid.parent.level === 'community' ? 'community' : 'village';
  for (let k = 0; k < count; k += 1) {
    const type = rng.weighted(TYPE_WEIGHTS[kind]);
    const enterprise = ENTERPRISE_TYPES.includes(type);
    const base = `${rng.pick(PREFIXES)}${rng.pick(SUFFIXES[type])}`;
    const status: BusinessStatus = rng.weighted([
      ['open', 90],
      ['suspended', 7],
      ['closed', 3],
    ] as const);
    model.businesses.push({
      id: rng.uuid(),
      regionId: grid.region.id,
      name: enterprise ? `杭州${base}有限公司` : `余杭区示范镇${base}`,
      creditCode: randomCreditCode(rng, !enterprise, ctx.usedCreditCodes),
      legalRepresentative: randomName(
        rng,
        rng.chance(0.7) ? 'male' : 'female',
        Number(today.slice(0, 4)) - rng.int(25, 65),
      ),
      contactPhone: randomMobile(rng, ctx.usedPhones),
      address:
        kind === 'village'
          ? `示范镇${grid.parent.name}${rng.int(1, 300)}号`
          : `示范镇${grid.parent.name.replace('社区', '')}路${rng.int(1, 399)}号`,
      type,
      status,
      location: randomPointIn(rng, grid.ring, grid.bbox),
    });
  }
}
