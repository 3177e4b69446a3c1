import { z } from '@zhili/shared';
import type { EnvOf } from '../../core/config/env-fields';

/** Staff identity policy (docs/CONTRACTS.md "issue #3"). */
export const staffEnv = {
  /** A staff refresh token unused this long is refused with AUTH_SESSION_IDLE. */
  STAFF_IDLE_TIMEOUT_SEC: z.coerce.number().int().min(60).max(86400).default(1800),
  /** Passwords older than this must be changed before anything else. */
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Failed logins (per username or per IP) after which a captcha is required. */
  LOGIN_CAPTCHA_AFTER: z.coerce.number().int().min(1).max(100).default(3),
  /** Failed logins per username after which the account is locked. */
  LOGIN_LOCK_AFTER: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Issuer shown by authenticator apps next to the account name. */
  MFA_ISSUER: z.string().min(1).max(64).default('智理'),
};
export type StaffEnv = EnvOf<typeof staffEnv>;
