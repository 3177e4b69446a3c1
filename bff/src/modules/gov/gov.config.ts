import { z } from '@zhili/shared';
import { url, type EnvOf } from '../../core/config/env-fields';

/** Environment of the government connectors; each connector is off while its API base is unset. */
export const govEnv = {
  /** 12345 hotline platform. */
  HOTLINE_API_BASE: url('HOTLINE_API_BASE').optional(),
  HOTLINE_APP_KEY: z.string().min(1).max(64).optional(),
  HOTLINE_APP_SECRET: z.string().min(16, 'HOTLINE_APP_SECRET must be at least 16 characters').optional(),
  HOTLINE_PULL_INTERVAL_MS: z.coerce.number().int().min(200).default(60000),
  GOV_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  /** City operation platform (城市运行管理服务平台); escalation to the city is refused while unset. */
  CITY_API_BASE: url('CITY_API_BASE').optional(),
  CITY_APP_KEY: z.string().min(1).max(64).optional(),
  CITY_APP_SECRET: z.string().min(16, 'CITY_APP_SECRET must be at least 16 characters').optional(),
};
export type GovEnv = EnvOf<typeof govEnv>;
