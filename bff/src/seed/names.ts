import type { Gender } from '@zhili/shared';
import type { Rng } from './prng';

/**
 * Synthetic but realistic Chinese names: surnames weighted roughly by their share in Zhejiang
 * (王, 陈, 张, 李 … lead), given names of one or two characters from separate male and female pools.
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72],
  ['陈', 70],
  ['张', 60],
  ['李', 55],
  ['徐', 38],
  ['吴', 36],
  ['朱', 30],
  ['沈', 30],
  ['周', 30],
  ['杨', 28],
  ['刘', 28],
  ['黄', 24],
  ['钱', 20],
  ['孙', 18],
  ['胡', 18],
  ['金', 16],
  ['俞', 14],
  ['蒋', 14],
  ['姚', 12],
  ['章', 12],
  ['潘', 12],
  ['许', 12],
  ['方', 11],
  ['郑', 11],
  ['何', 10],
  ['赵', 10],
  ['叶', 10],
  ['施', 9],
  ['顾', 9],
  ['傅', 8],
  ['高', 8],
  ['林', 8],
  ['马', 7],
  ['楼', 7],
  ['汪', 7],
  ['严', 6],
  ['宋', 6],
  ['陆', 6],
  ['邵', 6],
  ['丁', 5],
  ['卢', 5],
  ['夏', 5],
  ['郭', 5],
  ['罗', 4],
  ['谢', 4],
  ['范', 4],
];

const MALE_CHARS = '伟强军磊勇杰涛斌超明华建国平志刚林峰宇浩鹏飞俊辉波晨阳东海文亮庆春荣根福龙祥兴德彬洋子轩博睿';
const FEMALE_CHARS = '芳娟敏静丽艳娜秀英玲霞燕红梅琳婷雪慧萍颖佳怡欣悦萱雨彤蓉琴兰凤月桂珍妍菲涵可晴诗';

export function randomSurname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

/** A given name: two characters most of the time, one for about a fifth (older people more often). */
export function randomGivenName(rng: Rng, gender: Gender, birthYear: number): string {
  const pool = gender === 'male' ? MALE_CHARS : FEMALE_CHARS;
  const single = rng.chance(birthYear < 1970 ? 0.3 : 0.15);
  const first = rng.pick(pool.split(''));
  if (single) return first;
  let second = rng.pick(pool.split(''));
  while (second === first) second = rng.pick(pool.split(''));
  return first + second;
}

export function randomName(rng: Rng, gender: Gender, birthYear: number, surname: string = randomSurname(rng)): string {
  return surname + randomGivenName(rng, gender, birthYear);
}
