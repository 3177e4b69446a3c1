import { fieldErrorsOf, z, zhIssueMessage } from '@zhili/shared';
import { AppError } from '../../../core/errors/app-error';

/**
 * Shapes the government platforms send, as zod schemas. Objects are loose: platforms add fields
 * without notice, and refusing them would stop the whole feed. Values are taken as sent (no
 * coercion: a number sent as text is refused), and text is never empty unless a field allows it.
 */

/** Text as a platform sends it: 1–`max` characters. */
export const govText = (max: number) => z.string().min(1).max(max);

/** A text field that is always present but may be null or empty. */
export const govOptionalText = (max: number) => z.string().max(max).nullable();

/** A platform location (either datum; converted on intake). */
export const govLocationSchema = z.looseObject({
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  coordType: z.enum(['wgs84', 'gcj02']),
});

/** Validates what a platform sent (after its signature was checked); 400 VALIDATION_FAILED with the first 10 problems. */
export function parseGovPayload<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value, { error: zhIssueMessage });
  if (!result.success) throw new AppError('VALIDATION_FAILED', undefined, fieldErrorsOf(result.error).slice(0, 10));
  return result.data;
}
