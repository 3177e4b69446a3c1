import { AuthSession } from '../auth/auth-session.entity';
import { MpUser } from '../../modules/mp-user/mp-user.entity';
import { StaffUser } from '../../modules/staff/staff-user.entity';
import { Region } from '../../modules/region/region.entity';
import { AuditLog } from '../../modules/audit/audit-log.entity';
// <entities: staff-security>
// <entities: pii-binding>
// <entities: staff-admin>

/** Every TypeORM entity of the BFF (explicit, so bundling and tests never depend on globs). */
export const entities = [
  AuthSession,
  MpUser,
  StaffUser,
  Region,
  AuditLog,
  // <list: staff-security>
  // <list: pii-binding>
  // <list: staff-admin>
];
