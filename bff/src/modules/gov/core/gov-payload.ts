import { RuleType } from '@midwayjs/validate';
import { AppError } from '../../../core/errors/app-error';

/** A platform location (either datum; converted on intake). */
export const govLocationSchema = RuleType.object({
  lng: RuleType.number().min(-180).max(180).required(),
  lat: RuleType.number().min(-90).max(90).required(),
  coordType: RuleType.string().valid('wgs84', 'gcj02').required(),
}).unknown(true);

/**
 * Validates what a platform sent (after its signature was checked). Unknown fields are allowed:
 * platforms add fields without notice, and refusing them would stop the whole feed.
 */
export function parseGovPayload<T>(schema: RuleType.AnySchema, value: unknown): T {
  const { error, value: parsed } = schema.validate(value, { abortEarly: false, convert: false });
  if (error) {
    throw new AppError(
      'VALIDATION_FAILED',
      undefined,
      error.details.slice(0, 10).map((d) => ({ field: d.path.join('.'), message: d.message })),
    );
  }
  return parsed as T;
}
