import type { ModuleManifest } from '../../core/modules/manifest';
import { staffEnv } from './staff.config';
import { StaffSecurity1763800000000 } from '../../core/db/migrations/1763800000000-StaffSecurity';
import { StaffUser } from './staff-user.entity';
import { StaffPasswordHistory } from './staff-password-history.entity';
import { StaffRecoveryCode } from './staff-recovery-code.entity';
import { StaffAuditActors } from './staff-audit-actors';

/** Staff accounts, sign-in and account security. */
export const staffManifest = {
  name: 'staff',
  config: staffEnv,
  entities: [StaffUser, StaffPasswordHistory, StaffRecoveryCode],
  migrations: [StaffSecurity1763800000000],
  subscribers: [StaffAuditActors],
} satisfies ModuleManifest;
