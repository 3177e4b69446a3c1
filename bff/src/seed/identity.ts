import { creditCodeCheckChar, idNumberCheckChar, type Gender } from '@zhili/shared';
import type { Rng } from './prng';

/**
 * Synthetic identifiers with correct structure and check characters. They are drawn at random, so any
 * match with a real person's number is a coincidence; `used` sets keep them unique within the town.
 */

/** Yuhang district, Hangzhou (GB/T 2260 330110): the demo town's county. */
export const TOWN_COUNTY_CODE = '330110';

/** Where floating residents come from (county codes and names used in addresses). */
export const ORIGIN_COUNTIES: readonly (readonly [code: string, name: string, weight: number])[] = [
  ['341221', '安徽省阜阳市临泉县', 5],
  ['340826', '安徽省安庆市宿松县', 3],
  ['511321', '四川省南充市南部县', 4],
  ['360722', '江西省赣州市信丰县', 3],
  ['431023', '湖南省郴州市永兴县', 2],
  ['330327', '浙江省温州市苍南县', 2],
  ['411521', '河南省信阳市罗山县', 3],
];

/**
 * An 18-digit resident ID number (GB 11643): county code, birth date, a 3-digit sequence whose last
 * digit is odd for men and even for women, and the MOD 11-2 check character.
 */
export function randomIdNumber(rng: Rng, county: string, birthDate: string, gender: Gender, used: Set<string>): string {
  const ymd = birthDate.replace(/-/g, '');
  for (;;) {
    const seq = rng.int(0, 99) * 10 + (gender === 'male' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
    const first17 = `${county}${ymd}${String(seq).padStart(3, '0')}`;
    const id = first17 + idNumberCheckChar(first17);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** Mobile segments of the three carriers that are in wide use. */
const MOBILE_PREFIXES = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '178',
  '182',
  '183',
  '187',
  '188',
  '130',
  '131',
  '132',
  '155',
  '156',
  '166',
  '175',
  '176',
  '185',
  '186',
  '133',
  '153',
  '173',
  '177',
  '180',
  '181',
  '189',
  '199',
];

export function randomMobile(rng: Rng, used: Set<string>): string {
  for (;;) {
    const phone = rng.pick(MOBILE_PREFIXES) + rng.chars('0123456789', 8);
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code body. */
function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let k = 0; k < 8; k += 1) sum += USCC_ALPHABET.indexOf(body[k]) * ORG_WEIGHTS[k];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A unified social credit code (GB 32100): `9` (market regulator) + `1` enterprise or `2`
 * individual business, the county code, a 9-character organisation code with its GB 11714 check
 * character, and the mod-31 check character computed by the shared helper.
 */
export function randomCreditCode(rng: Rng, individual: boolean, used: Set<string>): string {
  for (;;) {
    const body = rng.chars('0123456789', 2) + rng.chars(USCC_ALPHABET, 6);
    const first17 = `9${individual ? '2' : '1'}${TOWN_COUNTY_CODE}${body}${orgCodeCheckChar(body)}`;
    const code = first17 + creditCodeCheckChar(first17);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}
