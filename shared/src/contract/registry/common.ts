import { registryLimits } from '../../domain/registry';
import { z } from '../zod';

/**
 * Pieces several registry routes share (persons, households, places, businesses, visits), so a
 * region id or a 日期 means the same thing on each of them.
 */

/** An id in a body (region, household, house…): UUIDs and seeded codes, ≤ 36 characters. */
export const registryId = () => z.string().trim().min(1).max(36);

/** An optional id in a query string; blank = absent. */
export const qRegistryId = () => z.preprocess((v) => (v === '' ? undefined : v), registryId().optional());

/** One of a set of values in a query string; blank = absent (a form's "全部"). */
export const qEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.enum(values).optional());

/** An address line; '' or null clears it. */
export const optionalAddress = () => z.string().trim().max(registryLimits.address.max).nullable();

/** A calendar day `YYYY-MM-DD` or null, worded as the portal always has. */
export const dayOrNull = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
    .nullable();

/** `[lng, lat]` in GCJ-02, or null. */
export const lngLat = () =>
  z
    .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], {
      error: (issue) =>
        issue.code === 'too_big' || issue.code === 'too_small' || issue.code === 'invalid_type'
          ? '位置应为 [经度, 纬度]'
          : undefined,
    })
    .nullable();

/** Values of an `as const` object, as the tuple `z.enum` wants. */
export function enumValues<T extends Record<string, string>>(table: T): [T[keyof T], ...T[keyof T][]] {
  return Object.values(table) as [T[keyof T], ...T[keyof T][]];
}
